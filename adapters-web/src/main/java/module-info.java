/**
 * The HTTP and WebSocket edge: Javalin routes over the application's in-ports, problem+json errors,
 * JWTs and the web app's static files. Only bootstrap wires it, so only bootstrap sees its packages;
 * Jackson serialises the response records reflectively, so the packages holding them are open to it.
 */
// The qualified exports name kr.co.stupy.bootstrap, which the reactor compiles after this module, so
// javac cannot see it yet; ModuleDescriptorsTest checks that every such target exists.
// "requires-automatic": Micrometer ships no module descriptor; README lists the automatic modules.
@SuppressWarnings({"module", "requires-automatic"})
module kr.co.stupy.adapter.web {
    requires kr.co.stupy.application;
    requires io.javalin;
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.http;
    requires org.eclipse.jetty.io;
    requires org.eclipse.jetty.util;
    requires org.eclipse.jetty.websocket.api;
    requires com.fasterxml.jackson.annotation;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires com.nimbusds.jose.jwt;
    requires org.slf4j;
    requires micrometer.core;

    exports kr.co.stupy.adapter.web to kr.co.stupy.bootstrap;
    exports kr.co.stupy.adapter.web.clientconfig to kr.co.stupy.bootstrap;
    exports kr.co.stupy.adapter.web.docs to kr.co.stupy.bootstrap;
    exports kr.co.stupy.adapter.web.health to kr.co.stupy.bootstrap;
    exports kr.co.stupy.adapter.web.identity to kr.co.stupy.bootstrap;
    exports kr.co.stupy.adapter.web.image to kr.co.stupy.bootstrap;
    exports kr.co.stupy.adapter.web.live to kr.co.stupy.bootstrap;
    exports kr.co.stupy.adapter.web.metrics to kr.co.stupy.bootstrap;
    exports kr.co.stupy.adapter.web.rooms to kr.co.stupy.bootstrap;
    exports kr.co.stupy.adapter.web.site to kr.co.stupy.bootstrap;
    exports kr.co.stupy.adapter.web.stats to kr.co.stupy.bootstrap;
    exports kr.co.stupy.adapter.web.support to kr.co.stupy.bootstrap;
    exports kr.co.stupy.adapter.web.todos to kr.co.stupy.bootstrap;
    exports kr.co.stupy.adapter.web.token to kr.co.stupy.bootstrap;

    // Response records (some package-private) that Jackson reads through their accessors.
    opens kr.co.stupy.adapter.web.health to com.fasterxml.jackson.databind;
    opens kr.co.stupy.adapter.web.identity to com.fasterxml.jackson.databind;
    opens kr.co.stupy.adapter.web.live to com.fasterxml.jackson.databind;
    opens kr.co.stupy.adapter.web.rooms to com.fasterxml.jackson.databind;
    opens kr.co.stupy.adapter.web.stats to com.fasterxml.jackson.databind;
    opens kr.co.stupy.adapter.web.support to com.fasterxml.jackson.databind;
    opens kr.co.stupy.adapter.web.todos to com.fasterxml.jackson.databind;
}
