package cn.opencredit.gateway.creditlist;

import java.util.List;

/**
 * A subject's place on the lists: the entries it is currently on, and every entry it ever had.
 *
 * @param memberships current entries, by list type, then newest inclusion first
 * @param history     every entry, removed and expired ones included, newest inclusion first
 */
public record ListStanding(List<ListMembershipView> memberships, List<ListEntryView> history) {
}
