package io.baton.archfixture.b;

import io.baton.archfixture.a.Orders;

public class Invoices {
  public Orders order() {
    return new Orders();
  }
}
