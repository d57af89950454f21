package ecrbridge.testing;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Sends requests at the same moment, as two users clicking together would: HTTP requests, or
 * calls of a repository, each on a thread of its own.
 */
public final class Race {

  private Race() {
  }

  /** Starts every request together and returns the answers in the order given. */
  public static <T> List<T> of(List<Supplier<T>> requests) {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(requests.size());
    try {
      List<CompletableFuture<T>> running = requests.stream()
          .map(request -> CompletableFuture.supplyAsync(() -> {
            awaitQuietly(start);
            return request.get();
          }, threads))
          .toList();
      start.countDown();
      return running.stream().map(CompletableFuture::join).toList();
    } finally {
      threads.shutdown();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
