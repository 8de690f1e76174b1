package cn.opencredit.gateway.subject;

import java.util.function.Supplier;

import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.mutiny.Uni;

import cn.opencredit.gateway.shared.cache.CacheConfig;
import cn.opencredit.gateway.shared.cache.CoalescedRead;

/**
 * Search pages in this replica's memory, each kept with the search generation (V053) it was read
 * under, and served only while the generation is still the same. The generation grows in the very
 * transaction of every committed change of a searchable subject, so an equal generation read now
 * means that no such change has committed since the page was read: the page is exactly what the
 * search would answer now, on every replica, without any announcement to hear. The generation is
 * read before the search, never after, so a change that commits while the search runs leaves the
 * page under the older generation, where no later reader finds it valid. Searches that arrive
 * together share one read of the generation ({@link CoalescedRead}), but never a read that had
 * started before they arrived, so each still sees every change committed before it.
 *
 * <p>What it saves: a hit is one read of a 64-row table instead of the walk of the name index
 * with a plan made for each fragment, and the page is kept already written as JSON, so a hit is
 * not serialised again either. Off with the other caches ({@code opencredit.cache.enabled}).
 */
@Singleton
class SubjectSearchCache {

    /** Pages kept at most; each is kept as its summaries (for the portal) and as its JSON (for the API). */
    static final int MAX_PAGES = 2_000;

    private final CoalescedRead<Long> generation;
    private final boolean enabled;
    // Upkeep on the writing thread, as in NearCache: no pool thread woken for each page kept.
    private final Cache<String, Entry> pages = Caffeine.newBuilder().maximumSize(MAX_PAGES).executor(Runnable::run).build();

    SubjectSearchCache(SubjectRepository repository, CacheConfig config) {
        // Given up after the load timeout, as a shared load is: a read that never ends (a connection
        // lost without notice) would otherwise hold every later search of this replica.
        this.generation = new CoalescedRead<>(() -> repository.searchGeneration().ifNoItem().after(config.loadTimeout()).fail());
        this.enabled = config.enabled();
    }

    /** The page {@code key} names: from memory when read under the current generation, else from {@code loader}, then kept. */
    Uni<SearchAnswer> page(String key, Supplier<Uni<SearchAnswer>> loader) {
        if (!enabled) {
            return loader.get();
        }
        return generation.get().chain(current -> {
            Entry kept = pages.getIfPresent(key);
            if (kept != null && kept.generation() == current) {
                return Uni.createFrom().item(kept.answer());
            }
            return loader.get().invoke(answer -> pages.asMap().merge(key, new Entry(current, answer),
                    (old, fresh) -> fresh.generation() >= old.generation() ? fresh : old));
        });
    }

    private record Entry(long generation, SearchAnswer answer) {
    }
}
