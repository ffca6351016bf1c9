// The portfolio offline, as a technician would use it: add an ASCP credential, log a CE course
// with a photographed certificate, see the ASCP progress move, reload offline, find it all
// again, fix a typo and restore it from the history, and read the transcript; then edit and
// delete the credential, and add, edit and delete a competency with an attachment.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const zlib = require("node:zlib");
const { openOffline } = require("./harness.cjs");

/** CRC-32 (ISO 3309), as PNG chunks need it. */
function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGB PNG of width x height with stripes, like a photographed page: larger than the
 *  2,000 px the app stores, so it must be downscaled. */
function stripedPng(width, height) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) {
    const ink = Math.floor(x / 40) % 2 === 0 ? 30 : 235;
    row[1 + x * 3] = ink;
    row[2 + x * 3] = ink;
    row[3 + x * 3] = 240;
  }
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

test("CE entry with a certificate offline counts toward ASCP and is on the transcript", async () => {
  const { server, browser, context, page, errors } = await openOffline();
  try {

    // A credential: MLS(ASCP), three-year cycle from 2025-01-01; the end is suggested.
    await page.tap("nav >> text=Portfolio");
    await page.tap("a:text-is('Add a credential')");
    await page.waitForURL("**/portfolio/credentials/new");
    await page.selectOption("#credential-program", "ascp-boc-cmp-mls");
    await page.fill("#credential-start", "2025-01-01");
    // 36 months from 2025-01-01 is 2028-01-01; the cycle ends the day before.
    assert.equal(await page.inputValue("#credential-end"), "2027-12-31");
    await page.tap("button:text-is('Add credential')");
    await page.waitForURL(/\/portfolio$/);
    const card = ".credential[data-program='ascp-boc-cmp-mls']";
    await page.waitForSelector(card);
    assert.match(await page.textContent(`${card} h2`), /MLS\(ASCP\)/);
    assert.match(await page.textContent(`${card} .credential-total`), /0 points of 36 points/);

    // Quick entry with a certificate photo.
    await page.tap("a:text-is('Log a CE course')");
    await page.waitForURL("**/portfolio/ce/new");
    await page.fill("#ce-title", "Transfusion reactions");
    await page.fill("#ce-date", "2026-01-15");
    await page.fill("#ce-amount", "1.5");
    await page.selectOption("#ce-credit-type", "pace_contact_hour");
    await page.selectOption("#ce-category", "blood_bank");
    await page.setInputFiles("#ce-certificate", {
      name: "certificate.png",
      mimeType: "image/png",
      buffer: stripedPng(2400, 1600),
    });
    const stored = await page.waitForSelector("text=/Certificate stored on this device \\(\\d+ KB\\)/");
    const kb = Number((await stored.textContent()).match(/\((\d+) KB\)/)[1]);
    assert.ok(kb > 0 && kb <= 1024, `a stored certificate is at most 1 MiB, got ${kb} KB`);
    // 2400x1600 fits 2,000 px on the long side: 1600 * 2000 / 2400 = 1333.3 -> 2000x1333, as JPEG.
    const thumb = await page.waitForSelector(".thumbnails img.certificate-thumb");
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, thumb);
    assert.deepEqual(await thumb.evaluate((img) => [img.naturalWidth, img.naturalHeight]), [2000, 1333]);
    await page.tap("button:text-is('Save entry')");
    await page.waitForSelector("text=Saved on this device");

    // The ASCP progress counts it: 1.5 P.A.C.E. contact hours = 1.5 points, toward blood banking too.
    await page.tap("nav >> text=Portfolio");
    await page.waitForSelector(`${card} >> text=1.5/36`);
    assert.match(await page.textContent(`${card} .credential-total`), /1\.5 points of 36 points/);
    await page.tap(`${card} summary:has-text('Blood banking')`);
    const bloodBank = await page.textContent(`${card} .requirement:has-text('Blood banking')`);
    assert.match(bloodBank, /1\.5 of 2 points/);
    assert.match(bloodBank, /Transfusion reactions/);
    assert.match(bloodBank, /Still needed: 0\.5 points/);
    assert.match(bloodBank, /\(unverified\)/);

    // Reload with the server still stopped: everything is there.
    await page.reload();
    await page.waitForSelector(`${card} >> text=1.5/36`);
    await page.tap("a:text-is('CE entries')");
    await page.tap(".entry-list >> text=Transfusion reactions");
    await page.waitForURL(/\/portfolio\/ce\/[0-9a-f-]{36}$/);
    assert.equal(await page.inputValue("#ce-title"), "Transfusion reactions");
    assert.equal(await page.inputValue("#ce-category"), "blood_bank");
    const kept = await page.waitForSelector(".thumbnails img.certificate-thumb");
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, kept);

    // A typo fixed, then undone from the history.
    await page.fill("#ce-title", "Transfusion reactons");
    await page.tap("button:text-is('Save changes')");
    await page.waitForSelector("h1:text-is('Transfusion reactons')");
    const latest = await page.textContent(".history-entry >> nth=0");
    assert.match(latest, /title \(current\)\s*Transfusion reactions\s*Transfusion reactons/);
    await page.tap(".history-entry:not(.current):has(.history-new:text-is('Transfusion reactions')) >> text=Restore");
    await page.waitForSelector("h1:text-is('Transfusion reactions')");
    assert.equal(await page.inputValue("#ce-title"), "Transfusion reactions");

    // The transcript lists it, with the rules' source and the certificate appended.
    await page.tap("nav >> text=Portfolio");
    await page.tap(`${card} >> text=Transcript`);
    await page.waitForURL(/\/portfolio\/transcript\//);
    await page.waitForSelector(".transcript-entries >> text=Transfusion reactions");
    const transcript = await page.textContent(".transcript");
    assert.match(transcript, /1\.5 P\.A\.C\.E\. contact hours/);
    assert.match(transcript, /At least 36 points per cycle/);
    assert.match(transcript, /Sources/);
    const appended = await page.waitForSelector(".certificates img.certificate-thumb");
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, appended);

    // Edit the credential: the stored cycle end is kept (not re-suggested), a bad cycle is
    // refused with a message and stores nothing, a good edit shows on the home page.
    await page.tap("nav >> text=Portfolio");
    await page.tap(`${card} >> text=Edit or delete`);
    await page.waitForURL(/\/portfolio\/credentials\/[0-9a-f-]{36}$/);
    const credentialUrl = page.url();
    assert.equal(await page.inputValue("#credential-start"), "2025-01-01");
    assert.equal(await page.inputValue("#credential-end"), "2027-12-31");
    await page.fill("#credential-end", "2024-06-30");
    await page.tap("button:text-is('Save changes')");
    await page.waitForSelector("[role=alert] >> text=/cycle end 2024-06-30 is before cycle start 2025-01-01/");
    await page.fill("#credential-label", "MLS(ASCP) renewal");
    await page.fill("#credential-end", "2027-06-30");
    await page.tap("button:text-is('Save changes')");
    await page.waitForSelector("h1:text-is('MLS(ASCP) renewal')");
    await page.waitForSelector("text=Saved on this device");
    assert.match(await page.textContent(".record-history"), /2027-06-30/);
    await page.tap("nav >> text=Portfolio");
    await page.waitForSelector(`${card} h2:text-is('MLS(ASCP) renewal')`);
    assert.match(await page.textContent(card), /cycle 2025-01-01 to 2027-06-30/);
    assert.match(await page.textContent(`${card} .credential-total`), /1\.5 points of 36 points/);

    // Delete it after a second tap, see it gone, then undo the delete from its page.
    await page.goto(credentialUrl);
    await page.tap("button:text-is('Delete this credential')");
    await page.tap("button:text-is('Yes, delete')");
    await page.waitForSelector("text=This credential was deleted.");
    await page.tap("nav >> text=Portfolio");
    await page.waitForSelector("text=/Add a credential \\(MLS\\(ASCP\\)/");
    assert.equal(await page.$(card), null);
    await page.goto(credentialUrl);
    await page.tap("button:text-is('Undo delete')");
    await page.waitForSelector("button:text-is('Delete this credential')");
    await page.tap("nav >> text=Portfolio");
    await page.waitForSelector(`${card} h2:text-is('MLS(ASCP) renewal')`);

    // A competency with an attachment, edited, then deleted.
    await page.tap("a:text-is('Competencies and more')");
    await page.waitForURL("**/portfolio/items");
    await page.selectOption("#item-kind", "competency");
    await page.fill("#item-main", "Gram stain");
    await page.fill("#item-second", "K. Lee");
    await page.fill("#item-third", "Microbiology supervisor");
    await page.fill("#item-date", "2026-02-01");
    await page.setInputFiles("#item-attachment", {
      name: "sign-off.png",
      mimeType: "image/png",
      buffer: stripedPng(300, 200),
    });
    await page.waitForSelector("text=/Attachments stored on this device/");
    await page.tap("button:text-is('Save item')");
    await page.waitForSelector("text=Saved on this device");
    const item = ".entry-list li:has-text('Competency: Gram stain')";
    await page.waitForSelector(item);
    assert.match(await page.textContent(item), /Assessor\s*K\. Lee\s*Assessor's role\s*Microbiology supervisor/);
    const attached = await page.waitForSelector(`${item} img.certificate-thumb`);
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, attached);
    await page.tap(`${item} >> text=Edit or delete`);
    await page.waitForURL(/\/portfolio\/items\?edit=[0-9a-f-]{36}$/);
    assert.equal(await page.inputValue("#item-second"), "K. Lee");
    await page.fill("#item-second", "");
    await page.tap("button:text-is('Save changes')");
    await page.waitForSelector("[role=alert] >> text=assessor is required");
    await page.fill("#item-second", "R. Patel");
    await page.tap("button:text-is('Save changes')");
    await page.waitForSelector(`${item} >> text=R. Patel`);
    await page.tap("button:text-is('Delete this item')");
    await page.tap("button:text-is('Yes, delete')");
    await page.waitForSelector("text=This item was deleted.");
    await page.waitForSelector("text=No items yet.");
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.stop();
  }
});
