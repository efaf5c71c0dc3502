/** Kakao and Naver login through pac4j's GenericApi20 on scribejava; bootstrap alone wires it. */
// "module": the qualified exports name kr.co.stupy.bootstrap, which the reactor compiles after this
// module, so javac cannot see it yet; ModuleDescriptorsTest checks that every such target exists.
// "requires-automatic": Neither pac4j nor scribejava ships no module descriptor; README lists the automatic modules.
@SuppressWarnings({"module", "requires-automatic"})
module kr.co.stupy.adapter.oauth {
    requires kr.co.stupy.application;
    requires pac4j.oauth;
    requires scribejava.core;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;

    exports kr.co.stupy.adapter.oauth to kr.co.stupy.bootstrap;
}
