-- Every item result is in its columns now (V5); the JSON copy of the API view goes.
alter table item_result drop column statistics;
alter table item_result alter column rated set not null;
alter table item_result alter column counts set not null;
alter table item_result alter column agree_count set not null;
alter table item_result alter column disagree_count set not null;
alter table item_result alter column percent_agree set not null;
alter table item_result alter column percent_disagree set not null;
alter table item_result alter column percent_neutral set not null;
alter table item_result alter column basis set not null;
alter table item_result alter column divergent set not null;
alter table item_result alter column required set not null;
create index item_result_round_item_group on item_result (round_item_id, group_id);
-- Counts are longs, as the engine counts them.
alter table item_result alter column n set data type bigint;
alter table item_result alter column unable_count set data type bigint;
