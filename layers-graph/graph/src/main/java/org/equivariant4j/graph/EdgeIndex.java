package org.equivariant4j.graph;

import org.equivariant4j.core.error.InvalidArgumentException;

import java.util.Arrays;

/**
 * Directed edges as two index arrays: edge e carries a message from node {@code senders[e]} to node
 * {@code receivers[e]}, and messages are aggregated at the receiver. Host-side data, built once per
 * topology (construction is data preparation); {@link Graph} keeps the device copies.
 */
public record EdgeIndex(int[] senders, int[] receivers) {

    public EdgeIndex {
        if (senders.length != receivers.length) {
            throw new InvalidArgumentException("EdgeIndex: " + senders.length + " senders but " + receivers.length
                    + " receivers");
        }
        senders = senders.clone();
        receivers = receivers.clone();
    }

    /** The number of edges. */
    public int size() {
        return senders.length;
    }

    @Override
    public int[] senders() {
        return senders.clone();
    }

    @Override
    public int[] receivers() {
        return receivers.clone();
    }

    int[] rawSenders() {
        return senders;
    }

    int[] rawReceivers() {
        return receivers;
    }

    int sender(int e) {
        return senders[e];
    }

    int receiver(int e) {
        return receivers[e];
    }

    /** These edges with every node index shifted by {@code offset} (used to batch graphs). */
    public EdgeIndex shifted(int offset) {
        int[] s = senders.clone();
        int[] r = receivers.clone();
        for (int e = 0; e < s.length; e++) {
            s[e] += offset;
            r[e] += offset;
        }
        return new EdgeIndex(s, r);
    }

    /** Concatenation of several edge lists, in order. */
    public static EdgeIndex concat(java.util.List<EdgeIndex> parts) {
        int total = parts.stream().mapToInt(EdgeIndex::size).sum();
        int[] s = new int[total];
        int[] r = new int[total];
        int at = 0;
        for (EdgeIndex p : parts) {
            System.arraycopy(p.senders, 0, s, at, p.size());
            System.arraycopy(p.receivers, 0, r, at, p.size());
            at += p.size();
        }
        return new EdgeIndex(s, r);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EdgeIndex other && Arrays.equals(senders, other.senders)
                && Arrays.equals(receivers, other.receivers);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(senders) + Arrays.hashCode(receivers);
    }

    @Override
    public String toString() {
        return "EdgeIndex(" + size() + " edges)";
    }
}
