package org.litmusfarm.dashboard.page;

/** The model of an error answer: the status and a message for people, never a stack trace. */
public record ErrorPage(PageContext page, int status, String message) {}
