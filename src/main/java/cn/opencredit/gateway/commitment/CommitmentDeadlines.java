package cn.opencredit.gateway.commitment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.time.ChinaTime;

/**
 * The platform's side of 容缺受理: every few minutes (opencredit.commitment.breach-check-every, 10 minutes by default), on
 * every replica, the open 容缺受理 commitments whose deadline day has ended in China are breached, one
 * transaction each; a commitment claimed by one replica is skipped by the others, so each is
 * breached exactly once. Expired idempotency answers are dropped on the way.
 */
@ApplicationScoped
class CommitmentDeadlines {

    private final CommitmentDecisionService decisions;
    private final CommitmentRepository repository;
    private final CommitmentConfig config;
    private final Clock clock;

    CommitmentDeadlines(CommitmentDecisionService decisions, CommitmentRepository repository, CommitmentConfig config, Clock clock) {
        this.decisions = decisions;
        this.repository = repository;
        this.config = config;
        this.clock = clock;
    }

    /** The scheduled run; {@code off} in the test profile, whose tests run the job themselves with the day they need. */
    @Scheduled(identity = "commitment-deadlines", every = "${opencredit.commitment.breach-check-every:PT10M}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return breachOverdue(ChinaTime.today(clock))
                .call(() -> Panache.withTransaction(() -> repository.purgeAnswers(OffsetDateTime.now(clock).minus(config.idempotencyTtl()))))
                .onFailure().invoke(failure -> Log.warnf("Could not breach overdue commitments: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Breaches every open 容缺受理 commitment whose deadline is before {@code today}; the answer is how many this run breached. */
    Uni<Integer> breachOverdue(LocalDate today) {
        return Multi.createBy().repeating().uni(() -> decisions.breachNextOverdue(today)).until(breached -> breached.isEmpty())
                .collect().with(java.util.stream.Collectors.counting())
                .map(Long::intValue)
                .invoke(count -> {
                    if (count > 0) {
                        Log.infof("breached %d 容缺受理 commitments whose deadline passed before %s", count, today);
                    }
                });
    }
}
