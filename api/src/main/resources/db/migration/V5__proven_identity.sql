-- A GitHub login counts only once GitHub has proven it: accounts keyed by GitHub's numeric user id
-- once verified, one-time OAuth states, personal roster invites, where each tick's evidence came
-- from, and what a webhook delivery's body was (so a copied delivery under a new id is recognised).

alter table account add column github_id bigint;
create unique index account_github_id on account (github_id);

create table oauth_state (
    state_hash varchar(64)  primary key,
    verifier   varchar(128) not null,
    redirect   varchar(500) not null,
    created_at timestamp with time zone not null
);

alter table enrollment add column invite_hash varchar(64);

alter table progress add column source varchar(20) default 'STUDENT' not null;

alter table github_delivery add column body_sha256 varchar(64);
create index github_delivery_body on github_delivery (body_sha256);

alter table pull_request add column author_login varchar(39);
