-- The directory search at 100,000 employees (issue 13): a term is found anywhere in the name, the
-- reading or the address, so a B-tree cannot help. Every employee gets one search text, and a GIN
-- index holds its characters and its pairs of adjacent characters: a term of one character is looked
-- up as that character, a longer one as all of its pairs, so that even 佐藤 or 伊 (too short for
-- trigrams) and a part of an address are answered from the index; the rows found are then checked
-- with strpos. No extension needed: only built-in functions, the same in every schema.
ALTER TABLE employees ADD COLUMN search_text TEXT
    GENERATED ALWAYS AS (lower(name) || ' ' || coalesce(name_kana, '') || ' ' || lower(email)) STORED;

-- Characters, then pairs: doubling every character ('abc' → 'aabbcc') and cutting the result, from
-- its second character, into twos gives the overlapping pairs ('ab', 'bc', and a last 'c').
CREATE FUNCTION search_pairs(t TEXT) RETURNS TEXT[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT string_to_array(t, NULL)
        || string_to_array(regexp_replace(substr(regexp_replace(t, '(.)', '\1\1', 'g'), 2), '(..)', E'\\1\x01', 'g'), E'\x01')
$$;

CREATE INDEX employees_search_idx ON employees USING gin (search_pairs(search_text));

-- The reading order of the list: a search that matches many people walks it and stops at a page.
CREATE INDEX employees_reading_idx ON employees (name_kana, code) WHERE active;
