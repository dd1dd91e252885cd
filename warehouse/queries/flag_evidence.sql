-- The words behind each flag on the latest night: which phrases trigger which labels most?
WITH evidence AS (
    SELECT company_id, unnest(evidence) AS e
    FROM claims
    WHERE run_date = (SELECT max(run_date) FROM claims) AND washing
)
SELECT e['label'] AS label, lower(e['text']) AS phrase,
       count(*) AS claims, count(DISTINCT company_id) AS companies
FROM evidence
GROUP BY ALL
ORDER BY claims DESC, companies DESC, label, phrase
LIMIT 20;
