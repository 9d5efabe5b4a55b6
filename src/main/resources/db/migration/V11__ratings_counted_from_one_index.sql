-- A round's close counts its submitted ratings per statement, stakeholder group and scale point.
-- Each rating carries what that count filters and groups on: its round, whether its response is
-- submitted and its panelist's stakeholder group, so that the count reads one index of the rating
-- table instead of looking up the response and the panelist of each of a round's (up to millions
-- of) ratings. They are copies: a save writes them with the rating, a submit marks the response's
-- ratings submitted (a response is never unsubmitted), and moving a panelist to another group moves
-- their ratings with them. Saves stay cheap: no row is shared by the saves of different panelists.
alter table rating add column round_id bigint;
alter table rating add column group_id bigint;
alter table rating add column submitted boolean;
update rating set (round_id, group_id, submitted) =
    (select s.round_id, p.group_id, s.state = 'SUBMITTED'
       from response s join panelist p on p.id = s.panelist_id
      where s.id = rating.response_id);
alter table rating alter column round_id set not null;
alter table rating alter column group_id set not null;
alter table rating alter column submitted set not null;
create index rating_counted on rating
    (round_id, submitted, round_item_id, group_id, rating_value, unable_to_rate);
