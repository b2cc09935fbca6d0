-- not null: an official has a name and a role.
SELECT article_id, name, role
FROM officials
WHERE name IS NULL OR trim(name) = '' OR role IS NULL OR trim(role) = ''
