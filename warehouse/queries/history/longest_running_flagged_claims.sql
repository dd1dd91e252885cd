-- AI-washing claims still up on the latest night, oldest first: when did each first appear?
SELECT company_id, first_seen, nights_seen, claim, flags, text, url
FROM claim_history
WHERE seen_last_night AND washing
ORDER BY first_seen, nights_seen DESC, company_id, text
LIMIT 20;
