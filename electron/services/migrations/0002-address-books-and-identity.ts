/**
 * Address books with several emails, phones and tags per entry; emails, phones and tags of network
 * contacts (XING vCards carry them); and the identity links between records of the same person.
 * Existing entries (the LinkedIn-uploaded address book) are carried over.
 */
export const up = /* sql */ `
CREATE TABLE address_book (
  id INTEGER PRIMARY KEY,
  -- the file, ZIP or folder the user imported
  source TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('vcard', 'google-csv', 'outlook-csv', 'linkedin-uploaded')),
  -- set when the address book was uploaded to that network: itself a share
  uploaded_to TEXT CHECK (uploaded_to IN ('linkedin', 'xing'))
) STRICT;

CREATE TABLE address_entry_new (
  id INTEGER PRIMARY KEY,
  book_id INTEGER NOT NULL REFERENCES address_book(id) ON DELETE CASCADE,
  entry_key TEXT NOT NULL,
  name TEXT NOT NULL,
  company TEXT,
  title TEXT,
  birthday TEXT,
  profile_url TEXT,
  UNIQUE (book_id, entry_key)
) STRICT;

INSERT INTO address_book (source, kind, uploaded_to)
  SELECT DISTINCT source, 'linkedin-uploaded', 'linkedin' FROM address_entry;
INSERT INTO address_entry_new (book_id, entry_key, name)
  SELECT b.id, 'legacy:' || e.id, e.name FROM address_entry e JOIN address_book b ON b.source = e.source;

-- kind: email (lower-cased) or phone (E.164 when valid, else the digits as written)
CREATE TABLE address_detail (
  entry_id INTEGER NOT NULL REFERENCES address_entry_new(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('email', 'phone')),
  value TEXT NOT NULL,
  raw TEXT NOT NULL,
  PRIMARY KEY (entry_id, kind, value)
) STRICT;

INSERT INTO address_detail (entry_id, kind, value, raw)
  SELECT n.id, 'email', lower(trim(e.email)), e.email FROM address_entry e
  JOIN address_book b ON b.source = e.source JOIN address_entry_new n ON n.book_id = b.id AND n.entry_key = 'legacy:' || e.id
  WHERE e.email IS NOT NULL AND e.email <> '';

CREATE TABLE address_tag (
  entry_id INTEGER NOT NULL REFERENCES address_entry_new(id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (entry_id, tag)
) STRICT;

DROP TABLE address_entry;
ALTER TABLE address_entry_new RENAME TO address_entry;

CREATE TABLE contact_detail (
  contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('email', 'phone')),
  value TEXT NOT NULL,
  raw TEXT NOT NULL,
  PRIMARY KEY (contact_id, kind, value)
) STRICT;

CREATE TABLE contact_tag (
  contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (contact_id, tag)
) STRICT;

-- Records of the same person across sources. Originals are never merged away: a link only points.
CREATE TABLE identity_link (
  id INTEGER PRIMARY KEY,
  contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
  entry_id INTEGER REFERENCES address_entry(id) ON DELETE CASCADE,
  other_contact_id INTEGER REFERENCES contact(id) ON DELETE CASCADE,
  method TEXT NOT NULL CHECK (method IN ('email', 'phone', 'profile-url', 'name-company', 'name')),
  confidence REAL NOT NULL CHECK (confidence > 0 AND confidence <= 1),
  evidence TEXT NOT NULL,
  CHECK ((entry_id IS NULL) <> (other_contact_id IS NULL))
) STRICT;

CREATE INDEX identity_link_contact ON identity_link(contact_id);
CREATE INDEX address_detail_value ON address_detail(kind, value);
`;
