import type postgres from "postgres";

/**
 * Phrases citizens write (with diacritics); the generator mixes them so a common phrase matches ~10% and a rare one
 * ~0.1%.
 */
export const PHRASES = [
  "Cho tôi hỏi thủ tục đăng ký khai sinh cần giấy tờ gì",
  "Hồ sơ của tôi khi nào có kết quả",
  "Lệ phí cấp phiếu lý lịch tư pháp là bao nhiêu",
  "Đèn đường tổ dân phố bị hỏng đề nghị sửa chữa",
  "Xin hỏi chứng thực bản sao cần mang theo gì",
  "Tôi muốn đăng ký thường trú cho con",
  "Cảm ơn cán bộ đã hướng dẫn nhiệt tình",
  "Giấy chứng nhận quyền sử dụng đất bị sai tên",
  "Đề nghị bố trí thêm ghế chờ ở khu vực tiếp nhận",
  "Thời gian làm việc buổi chiều thứ bảy thế nào",
];
export const RARE_PHRASE = "Xin trích lục bản sao giấy chứng tử của ông nội";

/**
 * 100,000 conversations and 1,000,000 messages straight in SQL (the services' own write path is measured by the
 * webhook part): units weighted toward the one-stop centre, every status and category, unread and overdue ones.
 */
export async function generateConversations(
  sql: postgres.Sql,
  unitIds: number[],
  staffIds: number[],
  conversationsCount: number,
  perConversation: number,
) {
  const phrases = sql.array(PHRASES);
  await sql`
    insert into zalo_followers (oa_user_id, display_name, following, last_interaction_at)
    select 'bench-' || g, 'Người dân ' || g, true, now() - (random() * interval '10 days') from
      generate_series(1, ${conversationsCount}) g`;
  await sql`
    insert into conversations (follower_id, unit_id, status, category, priority, assignee_id, subject, due_at,
      last_message_at,
      last_incoming_at, waiting_since, unread_count, created_at)
    select f.id,
      (${sql.array(unitIds)}::int[])[case when random() < 0.4 then 1 else 1 + floor(random()
        * ${unitIds.length})::int end],
      (array['open', 'pending', 'resolved', 'resolved'])[1 + floor(random() * 4)::int],
      (array['question', 'question', 'report', 'petition', 'suggestion', 'other'])[1 + floor(random() * 6)::int],
      'normal',
      case when random() < 0.5 then (${sql.array(staffIds)}::int[])[1 + floor(random() * ${staffIds.length})::int] end,
      '', now() + (random() * 20 - 10) * interval '1 day', t.at, t.at, case when random() < 0.3 then t.at end,
      case when random() < 0.1 then 1 + floor(random() * 3)::int else 0 end, t.at - interval '2 days'
    from zalo_followers f, lateral (select now() - random() * interval '90 days' as at) t
    where f.oa_user_id like 'bench-%'`;
  await sql`
    insert into conversation_messages (conversation_id, direction, kind, source, text, zalo_msg_id, at)
    select c.id, case when i % 2 = 1 then 'in' else 'out' end, 'text', case when i % 2 = 1 then 'citizen' else
      'portal' end,
      case when random() < 0.001 then ${RARE_PHRASE} else (${phrases}::text[])[1 + floor(random()
        * ${PHRASES.length})::int] end || ' #' || i,
      'bench-' || c.id || '-' || i, c.last_message_at - (${perConversation} - i) * interval '10 minutes'
    from conversations c, generate_series(1, ${perConversation}) i`;
  await sql`
    update conversations c set
      subject = left(m.first_text, 160),
      search_text = right(m.all_text, 4000)
    from (select conversation_id, (array_agg(text order by id))[1] as first_text,
            string_agg(lower(f_unaccent(text)), ' ' order by id) as all_text
          from conversation_messages group by conversation_id) m
    where m.conversation_id = c.id`;
  await sql`vacuum analyze conversations`;
  await sql`vacuum analyze conversation_messages`;
}
