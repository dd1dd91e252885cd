-- Macros for the questions users ask most. Dates may be given as DATE or 'YYYY-MM-DD'.

-- The newest stored version of each document (doc_id is stable for a URL across runs).
CREATE OR REPLACE MACRO latest_documents() AS TABLE
SELECT *
FROM documents
QUALIFY row_number() OVER (PARTITION BY doc_id ORDER BY run_date DESC, fetched_at DESC) = 1;

-- Company leaderboard for one run date. A "flagged" claim is one the classifier calls AI-washing
-- (washing = true: a vague or aspirational AI claim, or any AI claim carrying a risk flag).
-- share_flagged and mean_washing_score are over the company's AI claims, so a long filing full
-- of non-AI sentences does not dilute them. Companies watched that night with no AI claims
-- still appear, with zeros.
CREATE OR REPLACE MACRO leaderboard(day) AS TABLE
WITH watched AS (
    SELECT company_id, name FROM companies WHERE run_date = CAST(day AS DATE)
),
scored AS (
    SELECT company_id,
           count(DISTINCT doc_id) AS documents,
           count(*) AS sentences,
           count(*) FILTER (WHERE ai_claim) AS ai_claims,
           count(*) FILTER (WHERE washing) AS flagged_claims,
           avg(washing_score) FILTER (WHERE ai_claim) AS mean_washing_score
    FROM claims
    WHERE run_date = CAST(day AS DATE)
    GROUP BY company_id
)
SELECT CAST(day AS DATE) AS run_date,
       coalesce(w.company_id, s.company_id) AS company_id,
       coalesce(w.name, s.company_id) AS name,
       coalesce(s.documents, 0) AS documents,
       coalesce(s.sentences, 0) AS sentences,
       coalesce(s.ai_claims, 0) AS ai_claims,
       coalesce(s.flagged_claims, 0) AS flagged_claims,
       round(coalesce(s.flagged_claims, 0) / nullif(s.ai_claims, 0), 4) AS share_flagged,
       round(s.mean_washing_score, 4) AS mean_washing_score
FROM watched AS w
FULL OUTER JOIN scored AS s USING (company_id)
ORDER BY flagged_claims DESC, share_flagged DESC NULLS LAST, company_id;

-- AI claims first seen after `day`: the claim_id is stable for the same sentence of the same
-- document, so a claim is new when no earlier run date holds its claim_id. One row per claim,
-- from the night it first appeared.
CREATE OR REPLACE MACRO claims_since(day) AS TABLE
SELECT *
FROM claims
WHERE ai_claim
  AND run_date > CAST(day AS DATE)
  AND claim_id NOT IN (SELECT claim_id FROM claims WHERE run_date <= CAST(day AS DATE))
QUALIFY row_number() OVER (PARTITION BY claim_id ORDER BY run_date) = 1;
