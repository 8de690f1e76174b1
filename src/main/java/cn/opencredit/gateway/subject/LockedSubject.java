package cn.opencredit.gateway.subject;

import java.util.Optional;

/** A subject whose row the caller's transaction holds locked: what writers decide by. */
public record LockedSubject(long id, String name, SubjectType type, Optional<String> legalRepresentative) {
}
