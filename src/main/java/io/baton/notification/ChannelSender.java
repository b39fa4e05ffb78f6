package io.baton.notification;

/** Delivers notifications of one channel. */
interface ChannelSender {
  Channel channel();

  /** Null when the channel can deliver; else why not, for a HELD notification to show. */
  String unavailableReason();

  void send(Notification notification) throws Exception;
}
