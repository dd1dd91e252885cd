-- AI-washing claims that appeared in the week before the latest night, newest first.
SELECT run_date AS first_seen, company_id, claim, flags, round(washing_score, 2) AS score, text
FROM claims_since((SELECT max(run_date) - INTERVAL 7 DAY FROM claims))
WHERE washing
ORDER BY first_seen DESC, washing_score DESC, claim_id;
