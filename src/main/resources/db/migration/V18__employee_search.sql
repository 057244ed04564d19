-- Directory search at company scale: "contains" over name, reading and email without reading every
-- employee. The text searched is kept normalised beside the row; a term of three characters or more
-- is found through a pg_trgm index, which cannot serve shorter terms, and one or two characters
-- (佐藤, 伊藤: most searches for a Japanese family name) through an index of the characters the text
-- holds, confirmed with LIKE.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Lower case, hiragana folded into katakana: いとう finds イトウ and the reverse.
CREATE FUNCTION employee_search_text(name TEXT, name_kana TEXT, email TEXT) RETURNS TEXT
    IMMUTABLE PARALLEL SAFE LANGUAGE sql AS $$
    SELECT translate(lower(name) || ' ' || coalesce(name_kana, '') || ' ' || lower(email),
        'ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖ',
        'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶ')
$$;

-- Whether the text holds every character of the term, in any order: the index's part of a short
-- term's match. One expression, so that PostgreSQL inlines it and matches the index below.
CREATE FUNCTION search_text_has_characters(search_text TEXT, term TEXT) RETURNS BOOLEAN
    IMMUTABLE PARALLEL SAFE LANGUAGE sql AS $$
    SELECT string_to_array(search_text, NULL) @> string_to_array(term, NULL)
$$;

ALTER TABLE employees
    ADD COLUMN search_text TEXT GENERATED ALWAYS AS (employee_search_text(name, name_kana, email)) STORED;

CREATE INDEX employees_search_trgm_idx ON employees USING gin (search_text gin_trgm_ops);
CREATE INDEX employees_search_characters_idx ON employees USING gin (string_to_array(search_text, NULL));

-- The directory is listed by reading: its first page comes from this index without sorting everyone.
CREATE INDEX employees_reading_idx ON employees (name_kana, code);
