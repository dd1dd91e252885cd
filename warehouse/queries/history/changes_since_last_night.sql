-- What changed among AI claims on the latest night, against the night before?
SELECT company_id, change, old_claim, new_claim, flags_added, flags_removed,
       coalesce(new_text, old_text) AS text, url
FROM changes_since_previous((SELECT max(run_date) FROM nights))
ORDER BY company_id, change, text;
