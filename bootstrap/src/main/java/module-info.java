/**
 * Start-up: settings, the embedded database, and the wiring of adapters to services. The one module
 * the application's service packages and the adapters' packages are exported to.
 * <p>
 * mongo-java-server (the embedded database) is not required here: its jars cannot be modules side by
 * side (each puts classes in package {@code de.bwaldvogel.mongo}), so they stay on the class path and
 * the build lets this module read it ({@code --add-reads kr.co.stupy.bootstrap=ALL-UNNAMED}).
 */
// "requires-automatic": the MongoDB driver, jedis, H2 and Micrometer ship no module descriptor; README
// lists the automatic modules.
@SuppressWarnings("requires-automatic")
module kr.co.stupy.bootstrap {
    requires kr.co.stupy.application;
    requires kr.co.stupy.adapter.web;
    requires kr.co.stupy.adapter.mongo;
    requires kr.co.stupy.adapter.redis;
    requires kr.co.stupy.adapter.oauth;
    requires org.mongodb.driver.sync.client;
    requires org.mongodb.driver.core;
    requires redis.clients.jedis;
    requires com.h2database;
    requires io.netty.common;
    requires io.netty.transport;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires ch.qos.logback.classic;
    requires ch.qos.logback.core;
    requires jdk.management;
    requires jdk.httpserver;
    requires micrometer.core;
    requires micrometer.registry.prometheus;

    // logback.xml names the JSON encoder; logback makes it by reflection.
    exports kr.co.stupy.bootstrap.logging to ch.qos.logback.core;
}
