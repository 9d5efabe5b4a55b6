-- Two optional protocol settings that shape what panelists see (both off by default):
-- statements shown in a random order within each section, drawn once per panelist and round;
-- and a reason invited when a new rating lies at least far_from_median_distance scale points
-- from the panel's median of the round before (the distance is set only when that is on).
ALTER TABLE study ADD COLUMN random_order BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE study ADD COLUMN far_from_median_reason BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE study ADD COLUMN far_from_median_distance INTEGER;

-- The position (1 … the round's number of statements, sections in their order) at which each
-- statement of a round was shown to one invited panelist, written once, when they first open the
-- round. The unique keys make a second order for the same invitation impossible.
create table shown_position (
    id             bigint  primary key,
    invitation_id  bigint  not null references invitation (id),
    round_item_id  bigint  not null references round_item (id),
    position       integer not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint shown_position_item unique (invitation_id, round_item_id),
    constraint shown_position_place unique (invitation_id, position)
);
create index shown_position_round_item on shown_position (round_item_id);
