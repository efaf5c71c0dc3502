/**
 * Use cases of Stupy. Adapters see the ports ({@code port.in} to drive, {@code port.out} to be
 * driven); the services that implement the in-ports are visible to the bootstrap module alone.
 */
// "module": the qualified exports name kr.co.stupy.bootstrap, which the reactor compiles after this
// module, so javac cannot see it yet; ModuleDescriptorsTest checks that every such target exists.
// "requires-automatic": Bucket4j ships no module descriptor; README lists the automatic modules.
@SuppressWarnings({"module", "requires-automatic"})
module kr.co.stupy.application {
    requires transitive kr.co.stupy.shared;
    requires transitive kr.co.stupy.identity;
    requires transitive kr.co.stupy.rooms;
    requires transitive kr.co.stupy.todos;
    requires transitive kr.co.stupy.studytime;
    requires transitive kr.co.stupy.chat;
    requires io.github.bucket4j.core;

    exports kr.co.stupy.application.image;
    exports kr.co.stupy.application.identity.port.in;
    exports kr.co.stupy.application.identity.port.out;
    exports kr.co.stupy.application.rooms.port.in;
    exports kr.co.stupy.application.rooms.port.out;
    exports kr.co.stupy.application.health.port.in;
    exports kr.co.stupy.application.health.port.out;
    exports kr.co.stupy.application.live;
    exports kr.co.stupy.application.live.port.in;
    exports kr.co.stupy.application.live.port.out;
    exports kr.co.stupy.application.todos.port.in;
    exports kr.co.stupy.application.chat.port.in;
    exports kr.co.stupy.application.studytime.port.in;
    exports kr.co.stupy.application.studytime.port.out;
    exports kr.co.stupy.application.limits;

    exports kr.co.stupy.application.identity.service to kr.co.stupy.bootstrap;
    exports kr.co.stupy.application.rooms.service to kr.co.stupy.bootstrap;
    exports kr.co.stupy.application.health.service to kr.co.stupy.bootstrap;
    exports kr.co.stupy.application.todos.service to kr.co.stupy.bootstrap;
    exports kr.co.stupy.application.live.service to kr.co.stupy.bootstrap;
    exports kr.co.stupy.application.live.local to kr.co.stupy.bootstrap;
    exports kr.co.stupy.application.chat.service to kr.co.stupy.bootstrap;
    exports kr.co.stupy.application.studytime.service to kr.co.stupy.bootstrap;
    exports kr.co.stupy.application.integration to kr.co.stupy.bootstrap;
    exports kr.co.stupy.application.limits.local to kr.co.stupy.bootstrap;
}
