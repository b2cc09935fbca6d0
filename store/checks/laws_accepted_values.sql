-- accepted values: laws normalised as `KIND number/year` with the kinds of CONTRACT.md.
SELECT article_id, law
FROM laws
WHERE NOT regexp_full_match(
    law, '(UU|PP|Perpres|Permen|Perda|Perbup|Perwal|Inpres|Keppres) [0-9A-Za-z.]+/[0-9]{4}'
)
