-- Which companies made the most AI-washing claims on the latest night?
SELECT company_id, name, ai_claims, flagged_claims, share_flagged, mean_washing_score
FROM leaderboard((SELECT max(run_date) FROM claims))
WHERE ai_claims > 0
ORDER BY flagged_claims DESC, share_flagged DESC, company_id
LIMIT 10;
