package io.baton.cases;

/** An enum that travels in the API as a short lower-case code. */
interface Coded {
  String code();
}
