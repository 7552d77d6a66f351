-- Identity without holes: a GitHub sign-in is bound to the browser that started it (the hash of a
-- short-lived cookie), carries the web client's nonce back, and may link a signed-in account
-- instead of signing one in. Sign-ins under way when this runs are simply started again.

delete from oauth_state;
alter table oauth_state add column browser_hash varchar(64) not null;
alter table oauth_state add column nonce varchar(64);
alter table oauth_state add column link_account_id bigint;

-- Whether the course's roster names the student, as against someone who joined under a login
-- nobody proved: a roster naming such a login reports a conflict instead of enrolling the holder.
alter table enrollment add column rostered boolean default false not null;
update enrollment set rostered = true
    where account_id in (select id from account where password_hash is null or github_id is not null);

-- Sign-in failures are counted per login and client address, in memory (LoginThrottle): an
-- account-wide lock let anyone lock anyone out.
alter table account drop column failed_logins;
alter table account drop column locked_until;

-- An instructor's decision on whether a registered repository is the student's: CONFIRMED,
-- REJECTED, or null (none: proven only where GitHub proved the student's login, which owns it).
alter table github_repository add column owner_decision varchar(20);

-- GitHub's numeric id of a registered repository, bound at its first delivery: a repository that
-- later arrives under the same name (renamed, or under a login someone else now holds) is another.
alter table github_repository add column github_id bigint;

-- A private calendar feed's secret is stored as its SHA-256, as bearer tokens are, and its address
-- is shown once, when made. Addresses made before were stored as they are: they stop working, and
-- students make a new one (POST .../checklist/calendar-url).
update enrollment set calendar_token = null;
