-- Which companies changed their AI claims on the latest night, and did they wash more or less?
SELECT company_id, added, edited, removed, newly_flagged, no_longer_flagged,
       flagged_before, flagged_after
FROM company_changes((SELECT max(previous_night) FROM nights), (SELECT max(run_date) FROM nights))
WHERE added + edited + removed + relabelled > 0
ORDER BY flagged_after - flagged_before DESC, company_id;
