-- The curriculum, as imported from course content. Nested presentation content (topic lists,
-- lectures, reading lists, free sections) is kept as JSON text; what other features refer to
-- (courses, weeks, homework, tasks) has its own rows.

create sequence course_seq start with 1 increment by 50;
create sequence week_seq start with 1 increment by 50;
create sequence homework_seq start with 1 increment by 50;
create sequence task_seq start with 1 increment by 50;

create table course (
    id             bigint primary key,
    slug           varchar(100)    not null unique,
    title          varchar(300)    not null,
    description    varchar(2000),
    version        varchar(64)     not null,
    origin         varchar(1000)   not null,
    imported_at    timestamp with time zone not null,
    principles     varchar(1000000) not null,
    links          varchar(1000000) not null,
    tools          varchar(1000000) not null,
    homework_rules varchar(1000000) not null,
    sections       varchar(1000000) not null
);

create table week (
    id        bigint primary key,
    course_id bigint       not null references course (id) on delete cascade,
    number    integer      not null,
    title     varchar(300) not null,
    goal      varchar(1000000),
    topics    varchar(1000000) not null,
    lectures  varchar(1000000) not null,
    webinar   varchar(1000000),
    sections  varchar(1000000) not null,
    constraint week_number_unique unique (course_id, number)
);

create table homework (
    id                  bigint primary key,
    week_id             bigint       not null references week (id) on delete cascade,
    position            integer      not null,
    code                varchar(20)  not null,
    title               varchar(300) not null,
    summary             varchar(1000000),
    reading             varchar(1000000) not null,
    pass_text           varchar(2000),
    required_prs        integer      not null,
    instructor_approval boolean      not null,
    constraint homework_code_unique unique (week_id, code)
);

create table task (
    id          bigint primary key,
    homework_id bigint        not null references homework (id) on delete cascade,
    position    integer       not null,
    code        varchar(20)   not null,
    kind        varchar(10)   not null,
    title       varchar(2000) not null,
    optional    boolean       not null,
    constraint task_code_unique unique (homework_id, code)
);

create index week_course on week (course_id);
create index homework_week on homework (week_id);
create index task_homework on task (homework_id);
