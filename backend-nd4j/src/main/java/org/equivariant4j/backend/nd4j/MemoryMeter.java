package org.equivariant4j.backend.nd4j;

/**
 * The memory readings {@link AllocationLimit} decides by: the configured limits, what is in use and
 * what the machine has free, plus a way to give unreachable buffers back. An interface so that the
 * tests can stage any situation (a 1 GB cap nearly full, a machine without room) without
 * allocating anything; {@link JavaCppMeter} reads the real counters.
 */
interface MemoryMeter {

    /** JavaCPP's {@code maxbytes}: the cap on the bytes it accounts for, 0 for none. */
    long maxBytes();

    /** The bytes JavaCPP accounts for now (ND4J's CPU buffers are not among them). */
    long totalBytes();

    /** JavaCPP's {@code maxphysicalbytes}: the cap on the process's resident memory, 0 for none. */
    long maxPhysicalBytes();

    /** The process's resident memory now. */
    long physicalBytes();

    /** The memory the machine has available now (Linux's MemAvailable). */
    long availablePhysicalBytes();

    /** Lets the collector free unreachable buffers, and waits briefly for them to be freed. */
    void reclaim();
}
