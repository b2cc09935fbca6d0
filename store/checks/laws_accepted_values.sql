-- accepted values: laws normalised as `KIND number/year` with the kinds of CONTRACT.md,
-- extended as the gold annotations do: a ministerial regulation may name its ministry
-- (Permendagri, PermenPANRB, Permenkes) and governors' regulations are Pergub.
SELECT article_id, law
FROM laws
WHERE NOT regexp_full_match(
    law,
    '(UU|PP|Perpres|Permen[A-Za-z]*|Perda|Perbup|Perwal|Pergub|Inpres|Keppres) [0-9A-Za-z.]+/[0-9]{4}'
)
