package kr.co.stupy.adapter.web;

import io.javalin.config.RoutesConfig;

/** The routes of one part of the API; the web server asks each group to register itself. */
public interface RouteGroup {
    void register(RoutesConfig routes);
}
