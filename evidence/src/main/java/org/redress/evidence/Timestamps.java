package org.redress.evidence;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Locale;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.jspecify.annotations.Nullable;

/**
 * RFC 3161 trusted timestamps over signed checkpoints (docs §5): asking a TSA for a token and
 * checking one. Uses Bouncy Castle without registering it as a global JCA provider.
 *
 * <p>References: [1] RFC 3161 §2.4 (request and response), §2.4.2 (token checks); [2] RFC 5816
 * (ESSCertIDv2).
 */
final class Timestamps {
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  private Timestamps() {}

  /** What a verified token says. */
  static final class Info {
    final Instant genTime;
    final String tsaSubject;
    final String certSha256;

    Info(Instant genTime, String tsaSubject, String certSha256) {
      this.genTime = genTime;
      this.tsaSubject = tsaSubject;
      this.certSha256 = certSha256;
    }
  }

  /** Largest TSA reply read (a token is a few KB). */
  static final int MAX_REPLY = 64 << 10;

  /** Connect timeout; headers must arrive within twice this. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** The whole exchange, body included. */
  static final Duration DEADLINE = Duration.ofSeconds(40);

  /** Collects a response body, failing as soon as it exceeds a cap. */
  private static final class Capped implements HttpResponse.BodySubscriber<byte[]> {
    private final int cap;
    private final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    private final java.util.concurrent.CompletableFuture<byte[]> result =
        new java.util.concurrent.CompletableFuture<>();
    private java.util.concurrent.Flow.@Nullable Subscription sub;

    Capped(int cap) {
      this.cap = cap;
    }

    @Override
    public java.util.concurrent.CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
      sub = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(java.util.List<java.nio.ByteBuffer> items) {
      for (java.nio.ByteBuffer b : items) {
        if (buf.size() + b.remaining() > cap) {
          java.util.concurrent.Flow.Subscription s = sub;
          if (s != null) {
            s.cancel();
          }
          result.completeExceptionally(
              new IOException("reply larger than " + cap + " bytes; refused"));
          return;
        }
        byte[] a = new byte[b.remaining()];
        b.get(a);
        buf.write(a, 0, a.length);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(buf.toByteArray());
    }
  }

  /**
   * Asks the TSA for a token over SHA-256(data); returns the DER token. The reply is capped at
   * {@link #MAX_REPLY} bytes and the whole exchange at {@link #DEADLINE}.
   */
  static byte[] request(URI tsa, byte[] data, SecureRandom random) throws IOException {
    TimeStampRequestGenerator gen = new TimeStampRequestGenerator();
    gen.setCertReq(true);
    BigInteger nonce = new BigInteger(63, random);
    TimeStampRequest req = gen.generate(TSPAlgorithms.SHA256, Hex.sha256(data), nonce);
    HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    HttpRequest http =
        HttpRequest.newBuilder(tsa)
            .timeout(CONNECT_TIMEOUT.plus(CONNECT_TIMEOUT))
            .header("Content-Type", "application/timestamp-query")
            .POST(HttpRequest.BodyPublishers.ofByteArray(req.getEncoded()))
            .build();
    HttpResponse<byte[]> resp;
    java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> f =
        client.sendAsync(http, info -> new Capped(MAX_REPLY));
    try {
      resp = f.get(DEADLINE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException ex) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking TSA " + tsa, ex);
    } catch (java.util.concurrent.TimeoutException ex) {
      f.cancel(true);
      throw new IOException(
          "TSA " + tsa + " did not answer within " + DEADLINE.toSeconds() + " s", ex);
    } catch (java.util.concurrent.ExecutionException ex) {
      Throwable c = ex.getCause() == null ? ex : ex.getCause();
      throw new IOException("TSA " + tsa + ": " + c.getMessage(), c);
    }
    if (resp.statusCode() != 200) {
      throw new IOException("TSA " + tsa + " answered HTTP " + resp.statusCode());
    }
    try {
      TimeStampResponse tsr = new TimeStampResponse(resp.body());
      tsr.validate(req);
      TimeStampToken token = tsr.getTimeStampToken();
      if (token == null) {
        throw new IOException("TSA " + tsa + " refused the request: " + tsr.getStatusString());
      }
      return token.getEncoded();
    } catch (TSPException ex) {
      throw new IOException("TSA " + tsa + " sent an invalid response: " + ex.getMessage(), ex);
    }
  }

  /**
   * Checks a token over {@code data}: CMS signature by the certificate in the token (or {@code
   * pinned}), timestamping key usage, validity at genTime, and the message imprint.
   */
  static Info verify(byte[] der, byte[] data, @Nullable X509Certificate pinned) throws Failure {
    TimeStampToken token;
    try {
      token = new TimeStampToken(new CMSSignedData(der));
    } catch (CMSException | TSPException | IOException | RuntimeException ex) {
      throw new Failure("timestamp token is not a DER RFC 3161 token");
    }
    X509CertificateHolder cert = signerCert(token, pinned);
    Date gen = token.getTimeStampInfo().getGenTime();
    Instant genTime = gen.toInstant();
    String subject = cert.getSubject().toString();
    String fp;
    try {
      fp = Hex.of(Hex.sha256(cert.getEncoded()));
    } catch (IOException ex) {
      throw new Failure("timestamp certificate cannot be encoded");
    }
    if (!cert.isValidOn(gen)) {
      throw new Failure(
          String.format(
              Locale.ROOT,
              "timestamp certificate (%s) was not valid at genTime %s (valid %s to %s)",
              subject,
              genTime,
              cert.getNotBefore().toInstant(),
              cert.getNotAfter().toInstant()));
    }
    Extension eku = cert.getExtension(Extension.extendedKeyUsage);
    if (eku == null
        || !ExtendedKeyUsage.getInstance(eku.getParsedValue())
            .hasKeyPurposeId(KeyPurposeId.id_kp_timeStamping)) {
      throw new Failure("timestamp certificate (" + subject + ") is not for time stamping");
    }
    try {
      SignerInformationVerifier v =
          new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(cert);
      token.validate(v);
    } catch (OperatorCreationException | java.security.cert.CertificateException ex) {
      throw new Failure("timestamp certificate cannot be used: " + ex.getMessage());
    } catch (TSPException ex) {
      throw new Failure("timestamp token signature is invalid: " + ex.getMessage());
    }
    if (!TSPAlgorithms.SHA256.equals(token.getTimeStampInfo().getMessageImprintAlgOID())) {
      throw new Failure("timestamp token imprint is not SHA-256");
    }
    if (!MessageDigest.isEqual(
        token.getTimeStampInfo().getMessageImprintDigest(), Hex.sha256(data))) {
      throw new Failure("timestamp token imprint does not match the checkpoint");
    }
    return new Info(genTime, subject, fp);
  }

  private static X509CertificateHolder signerCert(
      TimeStampToken token, @Nullable X509Certificate pinned) throws Failure {
    if (pinned != null) {
      try {
        X509CertificateHolder h = new X509CertificateHolder(pinned.getEncoded());
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> carried =
            token.getCertificates().getMatches(token.getSID());
        boolean differs = !carried.isEmpty() && !carried.contains(h);
        if (!token.getSID().match(h) || differs) {
          throw new Failure("timestamp token was not signed by the given TSA certificate");
        }
        return h;
      } catch (IOException | CertificateEncodingException ex) {
        throw new Failure("given TSA certificate cannot be encoded");
      }
    }
    @SuppressWarnings("unchecked")
    Collection<X509CertificateHolder> certs = token.getCertificates().getMatches(token.getSID());
    if (certs.isEmpty()) {
      throw new Failure("timestamp token carries no signing certificate");
    }
    return certs.iterator().next();
  }
}
