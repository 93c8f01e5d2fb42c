package org.referralbridge.messages;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No message with this id (the page answers 404). */
@ResponseStatus(HttpStatus.NOT_FOUND)
class MessageNotFoundException extends RuntimeException {

  MessageNotFoundException(long id) {
    super("No message " + id);
  }
}
