-- LTI, second part: deep linking and the origins that may frame the tool.

-- An instructor's deep-linking request from a platform, waiting while they pick homework in the
-- web client: used up by the tool's signed answer, or dropped after half an hour.
create table lti_deep_link (
    request_hash  varchar(64)   primary key,
    platform_id   bigint        not null references lti_platform (id) on delete cascade,
    deployment_id varchar(255)  not null,
    account_id    bigint        not null references account (id) on delete cascade,
    course_id     bigint        not null references course (id) on delete cascade,
    return_url    varchar(2000) not null,
    -- the platform's opaque data, echoed in the answer
    data          varchar(4000),
    -- false where the platform takes one link at a time
    accept_multiple boolean     not null,
    created_at    timestamp with time zone not null
);

-- Origins a platform's accepted launches were posted from (space-separated): with its issuer's and
-- authorization endpoint's, the pages that may show Syllabus in a frame.
alter table lti_platform add column web_origins varchar(2000);
