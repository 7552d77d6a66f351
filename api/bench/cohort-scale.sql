-- Seeds the cohort the bench measures: :students students in the course's current (first) run, each
-- with about 60 % of the checklist items done. Ids start far above what the sequences hand out.
insert into account (id, login, name, email, role, created_at)
  select 90000000 + n, 'scale-' || n, 'Student ' || n, 'scale-' || n || '@example.org', 'STUDENT', now()
  from generate_series(1, :students) n;
insert into enrollment (id, course_id, account_id, joined_at, run_id)
  select 90000000 + n, c.id, 90000000 + n, now(), r.id
  from generate_series(1, :students) n, course c join course_run r on r.course_id = c.id
  where c.slug = 'ml-in-production' and r.name = 'first';
insert into progress (id, course_id, account_id, item_id, done, version, updated_at, source, completed_at)
  select 90000000 + row_number() over (), c.id, 90000000 + n, h.code || '/' || t.code, true, 1, now(), 'STUDENT', now()
  from generate_series(1, :students) n, course c join week w on w.course_id = c.id
    join homework h on h.week_id = w.id join task t on t.homework_id = h.id
  where c.slug = 'ml-in-production' and random() < 0.6;
