-- Claim history: the same claim across nights, and what changed between two nights.
--
-- A claim is a sentence of a document; doc_id is stable for a URL, so two nights are compared
-- document by document. Within a document, sentences of the older night are matched to
-- sentences of the newer one in three steps, each one-to-one:
--   1. same text: the same claim_id (same whitespace-normalised sentence, same repeat),
--   2. similar text: of what is left, pairs where either side is an AI claim and the
--      lower-cased texts are alike, similarity = 1 - levenshtein / length of the longer text
--      >= edit_threshold(); a pair is taken when each side is the other's best match
--      (ties: the nearest position),
--   3. same place: sentences still left that sit between the same matched neighbours in
--      both versions (the same gap) pair up in order, AI claims with AI claims first, then
--      AI claims left on one side with non-AI sentences on the other. This is diff's
--      "replace": a claim rewritten where it stood ("We harness cutting-edge machine
--      learning" -> "A ranking model trained on 2012-2024 filings scores 1,400 stocks"),
--      however different the words, even into a sentence the classifier calls no claim.
-- Steps 2 and 3 make an edit; step 1 with other labels is a relabelling (a new model read the
-- same words). What no step matched was added or removed. A claim whose document was not
-- fetched on the newer night (a fetch error for its URL, or no document at all from its
-- company and source that night) is not_fetched: nobody can tell whether it is still published.

-- Two sentences at least this alike (see step 2) are one claim edited.
CREATE OR REPLACE MACRO edit_threshold() AS 0.7;

-- A sentence as the similarity of step 2 reads it: lower case, whitespace collapsed.
CREATE OR REPLACE MACRO sentence_key(text) AS lower(trim(regexp_replace(text, '\s+', ' ', 'g')));

-- Every run date that fetched documents, with the run date before it.
CREATE OR REPLACE VIEW nights AS
SELECT run_date, lag(run_date) OVER (ORDER BY run_date) AS previous_night
FROM (SELECT DISTINCT run_date FROM documents)
ORDER BY run_date;

-- One row per AI claim (a claim_id that was an AI claim on some night): where it is, when it
-- was first and last seen, on how many nights, and its latest labels. seen_last_night is false
-- for a claim the latest night did not find.
CREATE OR REPLACE VIEW claim_history AS
WITH docs AS (
    SELECT doc_id, run_date, url, kind
    FROM documents
    QUALIFY row_number() OVER (PARTITION BY doc_id, run_date ORDER BY fetched_at DESC) = 1
)
SELECT c.claim_id,
       any_value(c.company_id) AS company_id,
       any_value(c.doc_id) AS doc_id,
       arg_max(d.url, c.run_date) AS url,
       arg_max(d.kind, c.run_date) AS kind,
       arg_max(c.text, c.run_date) AS text,
       min(c.run_date) AS first_seen,
       max(c.run_date) AS last_seen,
       count(DISTINCT c.run_date) AS nights_seen,
       max(c.run_date) = (SELECT max(run_date) FROM documents) AS seen_last_night,
       arg_max(c.claim, c.run_date) AS claim,
       arg_max(c.flags, c.run_date) AS flags,
       arg_max(c.washing, c.run_date) AS washing,
       arg_max(c.washing_score, c.run_date) AS washing_score
FROM claims AS c
LEFT JOIN docs AS d ON d.doc_id = c.doc_id AND d.run_date = c.run_date
GROUP BY c.claim_id
HAVING bool_or(c.ai_claim);

-- Every sentence of two nights side by side, for each pair of nights in `night_pairs` (a list
-- of {'old_night': DATE, 'new_night': DATE}). change is unchanged, relabelled, edited, added,
-- removed or not_fetched; match says which step paired an edit (same_text, similar_text,
-- same_place). All sentences, AI or not: claim_changes() keeps the AI ones.
CREATE OR REPLACE MACRO claim_alignment(night_pairs) AS TABLE
WITH pairs AS (
    SELECT DISTINCT CAST(p.old_night AS DATE) AS old_night, CAST(p.new_night AS DATE) AS new_night
    FROM (SELECT unnest(night_pairs) AS p)
    WHERE p.old_night IS NOT NULL AND p.new_night IS NOT NULL
),
docs AS (
    SELECT doc_id, run_date, company_id, source, kind, url
    FROM documents
    QUALIFY row_number() OVER (PARTITION BY doc_id, run_date ORDER BY fetched_at DESC) = 1
),
sentences AS (
    SELECT claim_id, doc_id, run_date, company_id, sent_index, text, claim, flags, ai_claim,
           washing, washing_score, evidence
    FROM claims
    WHERE run_date IN (SELECT old_night FROM pairs UNION SELECT new_night FROM pairs)
),
o AS (SELECT p.old_night, p.new_night, s.* FROM pairs AS p JOIN sentences AS s ON s.run_date = p.old_night),
n AS (SELECT p.old_night, p.new_night, s.* FROM pairs AS p JOIN sentences AS s ON s.run_date = p.new_night),
-- 1. same text
same_text AS (
    SELECT o.old_night, o.new_night, o.doc_id, o.claim_id AS old_claim_id,
           n.claim_id AS new_claim_id, 'same_text' AS match, 1.0 AS similarity
    FROM o
    JOIN n ON n.old_night = o.old_night AND n.new_night = o.new_night AND n.claim_id = o.claim_id
),
o_left AS (
    SELECT o.*, sentence_key(o.text) AS norm FROM o
    ANTI JOIN same_text AS m
        ON m.old_night = o.old_night AND m.new_night = o.new_night AND m.old_claim_id = o.claim_id
),
n_left AS (
    SELECT n.*, sentence_key(n.text) AS norm FROM n
    ANTI JOIN same_text AS m
        ON m.old_night = n.old_night AND m.new_night = n.new_night AND m.new_claim_id = n.claim_id
),
-- 2. similar text, mutual best match
candidates AS (
    SELECT o.old_night, o.new_night, o.doc_id, o.claim_id AS old_claim_id,
           n.claim_id AS new_claim_id, o.sent_index AS old_index, n.sent_index AS new_index,
           1.0 - levenshtein(o.norm, n.norm) / greatest(length(o.norm), length(n.norm), 1)
               AS similarity
    FROM o_left AS o
    JOIN n_left AS n
        ON n.old_night = o.old_night AND n.new_night = o.new_night AND n.doc_id = o.doc_id
    WHERE (o.ai_claim OR n.ai_claim)
      -- texts whose lengths differ more than this cannot reach the threshold: skip levenshtein
      AND least(length(o.norm), length(n.norm))
          >= edit_threshold() * greatest(length(o.norm), length(n.norm))
),
similar_text AS (
    SELECT old_night, new_night, doc_id, old_claim_id, new_claim_id, 'similar_text' AS match,
           similarity
    FROM candidates
    WHERE similarity >= edit_threshold()
    QUALIFY row_number() OVER (
                PARTITION BY old_night, new_night, old_claim_id
                ORDER BY similarity DESC, abs(old_index - new_index), new_index) = 1
        AND row_number() OVER (
                PARTITION BY old_night, new_night, new_claim_id
                ORDER BY similarity DESC, abs(old_index - new_index), old_index) = 1
),
matched AS (
    SELECT * FROM same_text
    UNION ALL
    SELECT * FROM similar_text
),
-- Step 3 only has work in documents where something is left on both nights.
changed_docs AS (
    SELECT old_night, new_night, doc_id FROM o_left
    INTERSECT
    SELECT old_night, new_night, doc_id FROM n_left
),
-- 3. same place: the matched sentences before and after (identified by the old claim_id of
-- their pair; NULL at either end of the document) name the gap a sentence sits in.
o_anchored AS (
    SELECT o.old_night, o.new_night, o.doc_id, o.claim_id, o.sent_index, o.ai_claim, o.text,
           m.old_claim_id IS NOT NULL AS is_matched,
           last_value(m.old_claim_id IGNORE NULLS) OVER (
               PARTITION BY o.old_night, o.new_night, o.doc_id ORDER BY o.sent_index
               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before_anchor,
           first_value(m.old_claim_id IGNORE NULLS) OVER (
               PARTITION BY o.old_night, o.new_night, o.doc_id ORDER BY o.sent_index
               ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS after_anchor
    FROM o
    LEFT JOIN matched AS m
        ON m.old_night = o.old_night AND m.new_night = o.new_night AND m.old_claim_id = o.claim_id
    WHERE (o.old_night, o.new_night, o.doc_id) IN (SELECT (old_night, new_night, doc_id) FROM changed_docs)
),
n_anchored AS (
    SELECT n.old_night, n.new_night, n.doc_id, n.claim_id, n.sent_index, n.ai_claim, n.text,
           m.old_claim_id IS NOT NULL AS is_matched,
           last_value(m.old_claim_id IGNORE NULLS) OVER (
               PARTITION BY n.old_night, n.new_night, n.doc_id ORDER BY n.sent_index
               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before_anchor,
           first_value(m.old_claim_id IGNORE NULLS) OVER (
               PARTITION BY n.old_night, n.new_night, n.doc_id ORDER BY n.sent_index
               ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS after_anchor
    FROM n
    LEFT JOIN matched AS m
        ON m.old_night = n.old_night AND m.new_night = n.new_night AND m.new_claim_id = n.claim_id
    WHERE (n.old_night, n.new_night, n.doc_id) IN (SELECT (old_night, new_night, doc_id) FROM changed_docs)
),
o_gap AS (SELECT * FROM o_anchored WHERE NOT is_matched),
n_gap AS (SELECT * FROM n_anchored WHERE NOT is_matched),
-- 3a. AI claims on both sides of a gap pair up in order.
ai_place AS (
    SELECT a.old_night, a.new_night, a.doc_id, a.claim_id AS old_claim_id,
           b.claim_id AS new_claim_id, a.text AS old_text, b.text AS new_text
    FROM (
        SELECT *, row_number() OVER (
                      PARTITION BY old_night, new_night, doc_id, before_anchor, after_anchor
                      ORDER BY sent_index) AS place
        FROM o_gap WHERE ai_claim
    ) AS a
    JOIN (
        SELECT *, row_number() OVER (
                      PARTITION BY old_night, new_night, doc_id, before_anchor, after_anchor
                      ORDER BY sent_index) AS place
        FROM n_gap WHERE ai_claim
    ) AS b
        ON b.old_night = a.old_night AND b.new_night = a.new_night AND b.doc_id = a.doc_id
       AND b.before_anchor IS NOT DISTINCT FROM a.before_anchor
       AND b.after_anchor IS NOT DISTINCT FROM a.after_anchor
       AND b.place = a.place
),
-- 3b. After 3a only one side of a gap can hold AI claims: those pair up in order with the
-- other side's non-AI sentences (a claim rewritten into words the classifier does not call a
-- claim, or the reverse).
o_rest AS (
    SELECT g.*, row_number() OVER (
                    PARTITION BY g.old_night, g.new_night, g.doc_id, g.before_anchor,
                                 g.after_anchor, g.ai_claim
                    ORDER BY g.sent_index) AS place
    FROM o_gap AS g
    ANTI JOIN ai_place AS m
        ON m.old_night = g.old_night AND m.new_night = g.new_night AND m.old_claim_id = g.claim_id
),
n_rest AS (
    SELECT g.*, row_number() OVER (
                    PARTITION BY g.old_night, g.new_night, g.doc_id, g.before_anchor,
                                 g.after_anchor, g.ai_claim
                    ORDER BY g.sent_index) AS place
    FROM n_gap AS g
    ANTI JOIN ai_place AS m
        ON m.old_night = g.old_night AND m.new_night = g.new_night AND m.new_claim_id = g.claim_id
),
mixed_place AS (
    SELECT a.old_night, a.new_night, a.doc_id, a.claim_id AS old_claim_id,
           b.claim_id AS new_claim_id, a.text AS old_text, b.text AS new_text
    FROM o_rest AS a
    JOIN n_rest AS b
        ON b.old_night = a.old_night AND b.new_night = a.new_night AND b.doc_id = a.doc_id
       AND b.before_anchor IS NOT DISTINCT FROM a.before_anchor
       AND b.after_anchor IS NOT DISTINCT FROM a.after_anchor
       AND b.ai_claim <> a.ai_claim
       AND b.place = a.place
),
same_place AS (
    SELECT old_night, new_night, doc_id, old_claim_id, new_claim_id, 'same_place' AS match,
           1.0 - levenshtein(old_key, new_key) / greatest(length(old_key), length(new_key), 1)
               AS similarity
    FROM (
        SELECT *, sentence_key(old_text) AS old_key, sentence_key(new_text) AS new_key
        FROM (SELECT * FROM ai_place UNION ALL SELECT * FROM mixed_place)
    )
),
paired AS (
    SELECT * FROM matched
    UNION ALL
    SELECT * FROM same_place
),
old_side AS (
    SELECT o.*, m.new_claim_id AS paired_with, m.match, m.similarity
    FROM o
    LEFT JOIN paired AS m
        ON m.old_night = o.old_night AND m.new_night = o.new_night AND m.old_claim_id = o.claim_id
),
joined AS (
    SELECT coalesce(os.old_night, ns.old_night) AS old_night,
           coalesce(os.new_night, ns.new_night) AS new_night,
           coalesce(ns.company_id, os.company_id) AS company_id,
           coalesce(ns.doc_id, os.doc_id) AS doc_id,
           os.match, os.similarity,
           os.claim_id AS old_claim_id, ns.claim_id AS new_claim_id,
           os.sent_index AS old_sent_index, ns.sent_index AS new_sent_index,
           os.text AS old_text, ns.text AS new_text,
           os.claim AS old_claim, ns.claim AS new_claim,
           os.flags AS old_flags, ns.flags AS new_flags,
           os.ai_claim AS old_ai_claim, ns.ai_claim AS new_ai_claim,
           os.washing AS old_washing, ns.washing AS new_washing,
           os.washing_score AS old_washing_score, ns.washing_score AS new_washing_score,
           os.evidence AS old_evidence, ns.evidence AS new_evidence
    FROM old_side AS os
    FULL OUTER JOIN n AS ns
        ON ns.old_night = os.old_night AND ns.new_night = os.new_night
       AND ns.claim_id = os.paired_with
),
first_seen AS (
    SELECT claim_id, min(run_date) AS first_seen FROM claims GROUP BY claim_id
),
fetch_failed AS (
    SELECT DISTINCT run_date, url FROM fetch_errors
),
fetched_sources AS (
    SELECT DISTINCT run_date, company_id, source FROM docs
)
SELECT j.old_night, j.new_night, j.company_id, j.doc_id,
       coalesce(nd.url, od.url) AS url,
       coalesce(nd.kind, od.kind) AS kind,
       CASE
           WHEN j.old_claim_id IS NULL THEN 'added'
           WHEN j.new_claim_id IS NULL THEN
               CASE
                   WHEN nd.doc_id IS NOT NULL THEN 'removed'
                   WHEN ff.url IS NOT NULL OR fs.source IS NULL THEN 'not_fetched'
                   ELSE 'removed'
               END
           WHEN j.match <> 'same_text' THEN 'edited'
           WHEN j.old_claim = j.new_claim
                AND list_sort(j.old_flags) = list_sort(j.new_flags) THEN 'unchanged'
           ELSE 'relabelled'
       END AS change,
       j.match,
       round(j.similarity, 4) AS similarity,
       j.old_claim_id, j.new_claim_id, j.old_sent_index, j.new_sent_index, j.old_text, j.new_text,
       j.old_claim, j.new_claim, j.old_flags, j.new_flags,
       list_filter(coalesce(j.new_flags, []), lambda f: NOT list_contains(coalesce(j.old_flags, []), f))
           AS flags_added,
       list_filter(coalesce(j.old_flags, []), lambda f: NOT list_contains(coalesce(j.new_flags, []), f))
           AS flags_removed,
       j.old_ai_claim, j.new_ai_claim, j.old_washing, j.new_washing,
       j.old_washing_score, j.new_washing_score, j.old_evidence, j.new_evidence,
       of.first_seen AS old_first_seen, nf.first_seen AS new_first_seen
FROM joined AS j
LEFT JOIN docs AS od ON od.doc_id = j.doc_id AND od.run_date = j.old_night
LEFT JOIN docs AS nd ON nd.doc_id = j.doc_id AND nd.run_date = j.new_night
LEFT JOIN fetch_failed AS ff ON ff.run_date = j.new_night AND ff.url = od.url
LEFT JOIN fetched_sources AS fs
    ON fs.run_date = j.new_night AND fs.company_id = od.company_id AND fs.source = od.source
LEFT JOIN first_seen AS of ON of.claim_id = j.old_claim_id
LEFT JOIN first_seen AS nf ON nf.claim_id = j.new_claim_id;

-- What changed among AI claims between two nights (a row when either side is an AI claim):
-- added, edited (with old and new text, labels and flags), removed, relabelled, not_fetched.
-- No rows when either night is NULL, so the first night has no changes.
CREATE OR REPLACE MACRO claim_changes(old_day, new_day) AS TABLE
SELECT *
FROM claim_alignment([{'old_night': CAST(old_day AS DATE), 'new_night': CAST(new_day AS DATE)}])
WHERE change <> 'unchanged' AND (coalesce(old_ai_claim, false) OR coalesce(new_ai_claim, false))
ORDER BY company_id,
         list_position(['added', 'edited', 'removed', 'relabelled', 'not_fetched'], change),
         url, coalesce(new_sent_index, old_sent_index);

-- The changes of `day` against the night before it (none on the first night).
CREATE OR REPLACE MACRO changes_since_previous(day) AS TABLE
SELECT *
FROM claim_changes((SELECT previous_night FROM nights WHERE run_date = CAST(day AS DATE)), day);

-- Every night's changes against the night before, for timelines ("when did Acme add 'AI'?").
CREATE OR REPLACE VIEW claim_changes_nightly AS
SELECT *
FROM claim_alignment((
    SELECT list({'old_night': previous_night, 'new_night': run_date})
    FROM nights
    WHERE previous_night IS NOT NULL
))
WHERE change <> 'unchanged' AND (coalesce(old_ai_claim, false) OR coalesce(new_ai_claim, false))
ORDER BY new_night, company_id,
         list_position(['added', 'edited', 'removed', 'relabelled', 'not_fetched'], change),
         url, coalesce(new_sent_index, old_sent_index);

-- Per company watched on either night: how many AI claims were added, edited, removed,
-- relabelled or not fetched, how many became flagged (AI-washing) or stopped being flagged,
-- and the flagged counts of the two nights.
CREATE OR REPLACE MACRO company_changes(old_day, new_day) AS TABLE
WITH changes AS (
    SELECT * FROM claim_changes(old_day, new_day)
),
counts AS (
    SELECT company_id,
           count(*) FILTER (WHERE change = 'added') AS added,
           count(*) FILTER (WHERE change = 'edited') AS edited,
           count(*) FILTER (WHERE change = 'removed') AS removed,
           count(*) FILTER (WHERE change = 'relabelled') AS relabelled,
           count(*) FILTER (WHERE change = 'not_fetched') AS not_fetched,
           count(*) FILTER (WHERE change <> 'not_fetched' AND coalesce(new_washing, false)
                                  AND NOT coalesce(old_washing, false)) AS newly_flagged,
           count(*) FILTER (WHERE change <> 'not_fetched' AND coalesce(old_washing, false)
                                  AND NOT coalesce(new_washing, false)) AS no_longer_flagged
    FROM changes
    GROUP BY company_id
),
before AS (SELECT company_id, name, flagged_claims FROM leaderboard(old_day)),
after AS (SELECT company_id, name, flagged_claims FROM leaderboard(new_day)),
watched AS (
    SELECT company_id FROM before
    UNION
    SELECT company_id FROM after
    UNION
    SELECT company_id FROM counts
)
SELECT CAST(old_day AS DATE) AS old_night, CAST(new_day AS DATE) AS new_night,
       w.company_id, coalesce(a.name, b.name, w.company_id) AS name,
       coalesce(c.added, 0) AS added, coalesce(c.edited, 0) AS edited,
       coalesce(c.removed, 0) AS removed, coalesce(c.relabelled, 0) AS relabelled,
       coalesce(c.not_fetched, 0) AS not_fetched,
       coalesce(c.newly_flagged, 0) AS newly_flagged,
       coalesce(c.no_longer_flagged, 0) AS no_longer_flagged,
       coalesce(b.flagged_claims, 0) AS flagged_before,
       coalesce(a.flagged_claims, 0) AS flagged_after
FROM watched AS w
LEFT JOIN counts AS c USING (company_id)
LEFT JOIN before AS b USING (company_id)
LEFT JOIN after AS a USING (company_id)
WHERE CAST(old_day AS DATE) IS NOT NULL AND CAST(new_day AS DATE) IS NOT NULL
ORDER BY added + edited + removed + relabelled DESC, w.company_id;
