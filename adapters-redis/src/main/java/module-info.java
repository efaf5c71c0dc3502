/** Redis bus, presence, tickets and shared attempt budgets for many nodes; bootstrap alone wires them. */
// "module": the qualified exports name kr.co.stupy.bootstrap, which the reactor compiles after this
// module, so javac cannot see it yet; ModuleDescriptorsTest checks that every such target exists.
// "requires-automatic": Neither jedis, Bucket4j nor Micrometer ships a module descriptor; README lists the automatic modules.
@SuppressWarnings({"module", "requires-automatic"})
module kr.co.stupy.adapter.redis {
    requires kr.co.stupy.application;
    requires redis.clients.jedis;
    requires io.github.bucket4j.core;
    requires io.github.bucket4j.jedis;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires micrometer.core;

    exports kr.co.stupy.adapter.redis to kr.co.stupy.bootstrap;
}
