package cn.opencredit.gateway.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** A fixed set of choices with integer weights, drawn in proportion to them. */
final class Weighted<T> {

    private final List<T> items;
    private final int[] cumulative;

    private Weighted(List<T> items, int[] cumulative) {
        this.items = items;
        this.cumulative = cumulative;
    }

    static <T> Builder<T> builder() {
        return new Builder<>();
    }

    T pick(RandomGenerator random) {
        int ticket = random.nextInt(cumulative[cumulative.length - 1]);
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] > ticket) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return items.get(low);
    }

    List<T> items() {
        return items;
    }

    static final class Builder<T> {
        private final List<T> items = new ArrayList<>();
        private final List<Integer> weights = new ArrayList<>();

        Builder<T> add(T item, int weight) {
            if (weight <= 0) {
                throw new IllegalArgumentException("weight must be positive: " + item);
            }
            items.add(item);
            weights.add(weight);
            return this;
        }

        Weighted<T> build() {
            int[] cumulative = new int[weights.size()];
            int total = 0;
            for (int i = 0; i < cumulative.length; i++) {
                total += weights.get(i);
                cumulative[i] = total;
            }
            return new Weighted<>(List.copyOf(items), cumulative);
        }
    }
}
