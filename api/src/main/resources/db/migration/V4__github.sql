-- Homework evidence from GitHub: students' registered repositories, the pull requests seen in
-- them, and every webhook delivery with what it changed (or why it was ignored).

create sequence github_repository_seq start with 1 increment by 50;
create sequence pull_request_seq start with 1 increment by 50;
create sequence github_delivery_seq start with 1 increment by 50;

create table github_repository (
    id            bigint primary key,
    course_id     bigint       not null references course (id) on delete cascade,
    account_id    bigint       not null references account (id) on delete cascade,
    full_name     varchar(140) not null,
    registered_at timestamp with time zone not null,
    constraint github_repository_unique unique (full_name),
    constraint github_repository_student unique (course_id, account_id)
);

create table pull_request (
    id          bigint primary key,
    course_id   bigint        not null references course (id) on delete cascade,
    account_id  bigint        not null references account (id) on delete cascade,
    full_name   varchar(140)  not null,
    number      integer       not null,
    url         varchar(500)  not null,
    title       varchar(1000) not null,
    head_sha    varchar(64)   not null,
    head_ref    varchar(300),
    state       varchar(20)   not null,
    checks      varchar(20)   not null,
    checks_sha  varchar(64),
    review      varchar(20)   not null,
    review_sha  varchar(64),
    review_at   timestamp with time zone,
    item_id     varchar(60),
    assigned_by_hand boolean  not null,
    updated_at  timestamp with time zone not null,
    constraint pull_request_unique unique (full_name, number)
);
create index pull_request_student on pull_request (course_id, account_id);
create index pull_request_head on pull_request (head_sha);

create table github_delivery (
    id          bigint primary key,
    delivery_id varchar(100)  not null unique,
    event       varchar(50)   not null,
    action      varchar(50),
    repository  varchar(140),
    received_at timestamp with time zone not null,
    outcome     varchar(20)   not null,
    detail      varchar(1000)
);
create index github_delivery_received on github_delivery (received_at);
