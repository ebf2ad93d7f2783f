package org.redress.evidence;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 time-stamping authority on loopback for tests: a self-signed EC certificate with the
 * critical id-kp-timeStamping usage, made at start; Bouncy Castle's token generator; the JDK's HTTP
 * server. {@code genTime} can be steered to make out-of-validity tokens.
 */
final class LocalTsa implements AutoCloseable {
  private final HttpServer server;
  private final X509Certificate cert;
  private final TimeStampResponseGenerator responses;
  private final AtomicLong serial = new AtomicLong(1);
  private volatile Supplier<Date> genTime = Date::new;
  private volatile Runnable beforeReply = () -> {};

  LocalTsa(Instant notBefore, Instant notAfter) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(256);
    KeyPair kp = g.generateKeyPair();
    X500Principal name = new X500Principal("CN=Redress Test TSA, O=Redress tests");
    BigInteger serialNo = new BigInteger(64, new java.security.SecureRandom());
    JcaX509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            name, serialNo, Date.from(notBefore), Date.from(notAfter), name, kp.getPublic());
    b.addExtension(
        Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
    cert =
        new JcaX509CertificateConverter()
            .getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
    TimeStampTokenGenerator tg =
        new TimeStampTokenGenerator(
            new JcaSimpleSignerInfoGeneratorBuilder()
                .build("SHA256withECDSA", kp.getPrivate(), cert),
            new JcaDigestCalculatorProviderBuilder()
                .build()
                .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
            new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
    tg.addCertificates(new JcaCertStore(List.of(cert)));
    responses = new TimeStampResponseGenerator(tg, TSPAlgorithms.ALLOWED);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/tsa",
        ex -> {
          try (InputStream in = ex.getRequestBody()) {
            beforeReply.run();
            TimeStampRequest req = new TimeStampRequest(in.readAllBytes());
            byte[] body =
                responses
                    .generate(req, BigInteger.valueOf(serial.getAndIncrement()), genTime.get())
                    .getEncoded();
            ex.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
              out.write(body);
            }
          } catch (Exception e) {
            ex.sendResponseHeaders(500, -1);
          } finally {
            ex.close();
          }
        });
    server.start();
  }

  /** A TSA whose certificate is valid from a day ago for a year. */
  static LocalTsa valid() throws Exception {
    Instant now = Instant.now();
    return new LocalTsa(now.minusSeconds(86_400), now.plusSeconds(365L * 86_400));
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
  }

  X509Certificate certificate() {
    return cert;
  }

  /** Runs before each reply is made (a test makes the TSA slow with it). */
  void beforeReply(Runnable r) {
    this.beforeReply = r;
  }

  void genTime(Supplier<Date> s) {
    this.genTime = s;
  }

  @Override
  public void close() throws IOException {
    server.stop(0);
  }
}
