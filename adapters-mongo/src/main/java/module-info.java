/** MongoDB implementations of the domain's and the application's out-ports; bootstrap alone wires them. */
// "module": the qualified exports name kr.co.stupy.bootstrap, which the reactor compiles after this
// module, so javac cannot see it yet; ModuleDescriptorsTest checks that every such target exists.
// "requires-automatic": The MongoDB driver ships no module descriptor; README lists the automatic modules.
@SuppressWarnings({"module", "requires-automatic"})
module kr.co.stupy.adapter.mongo {
    requires kr.co.stupy.application;
    requires org.mongodb.driver.sync.client;
    requires org.mongodb.driver.core;
    requires org.mongodb.bson;
    requires org.slf4j;

    exports kr.co.stupy.adapter.mongo to kr.co.stupy.bootstrap;
    exports kr.co.stupy.adapter.mongo.chat to kr.co.stupy.bootstrap;
    exports kr.co.stupy.adapter.mongo.identity to kr.co.stupy.bootstrap;
    exports kr.co.stupy.adapter.mongo.image to kr.co.stupy.bootstrap;
    exports kr.co.stupy.adapter.mongo.rooms to kr.co.stupy.bootstrap;
    exports kr.co.stupy.adapter.mongo.studytime to kr.co.stupy.bootstrap;
    exports kr.co.stupy.adapter.mongo.todos to kr.co.stupy.bootstrap;
}
