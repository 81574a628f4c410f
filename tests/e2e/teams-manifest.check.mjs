#!/usr/bin/env node
// Checks a Teams app package folder (manifest.json + icons) against Microsoft's rules, offline:
//  - the manifest against the official JSON schema of its manifestVersion, as shipped by Microsoft's own
//    @microsoft/app-manifest package (json-schemas/teams/v1.xx/MicrosoftTeams.schema.json), validated the way that
//    package's AppManifestUtils.validateAgainstSchema does (Ajv draft-04, all errors, uri/email/regex formats);
//  - the icons: PNG files, color 192x192, outline 32x32 with only white or transparent pixels.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { CheckFailed, UsageError, finish, log, readOptions } from './lib/harness.mjs';

const require = createRequire(import.meta.url);
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');

const USAGE = `Usage: node teams-manifest.check.mjs --dir <folder with manifest.json and icons>

Prints one JSON object as the last line of stdout; exit code 0 = valid, 1 = invalid, 2 = usage error.`;

/** Decodes an 8-bit PNG (any filter, colour types 2/6) enough to read its size and pixels. */
export function readPng(bytes) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(signature)) {
    throw new CheckFailed('not a PNG file');
  }

  let offset = 8;
  let header;
  const data = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), bitDepth: body[8], colorType: body[9], interlace: body[12] };
    } else if (type === 'IDAT') {
      data.push(body);
    }

    offset += 12 + length;
  }

  if (!header) {
    throw new CheckFailed('PNG without IHDR');
  }

  const channels = { 2: 3, 6: 4 }[header.colorType];
  if (header.bitDepth !== 8 || !channels || header.interlace !== 0) {
    return { ...header, pixels: null };
  }

  const raw = zlib.inflateSync(Buffer.concat(data));
  const stride = header.width * channels;
  const pixels = Buffer.alloc(header.height * stride);
  for (let y = 0; y < header.height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x];
      const left = x >= channels ? pixels[y * stride + x - channels] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const upLeft = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      let predicted = 0;
      if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left); const pb = Math.abs(p - up); const pc = Math.abs(p - upLeft);
        predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }

      pixels[y * stride + x] = (value + predicted) & 0xff;
    }
  }

  return { ...header, channels, pixels };
}

async function main(result) {
  const options = readOptions({ dir: { type: 'string' } }, USAGE);
  if (!options.dir) {
    throw new UsageError(`--dir is required.\n\n${USAGE}`);
  }

  const manifest = JSON.parse(await readFile(path.join(options.dir, 'manifest.json'), 'utf8'));
  const version = manifest.manifestVersion;
  result.manifestVersion = version;
  const schemaFile = require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`);
  result.schema = path.relative(process.cwd(), schemaFile);
  const schema = JSON.parse(await readFile(schemaFile, 'utf8'));
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  result.errors = validate(manifest) ? [] : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  if (manifest.$schema !== `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`) {
    result.errors.push(`$schema must point at the v${version} schema, got ${manifest.$schema}`);
  }

  result.icons = {};
  for (const [kind, size] of [['color', 192], ['outline', 32]]) {
    const file = manifest.icons?.[kind];
    try {
      const png = readPng(await readFile(path.join(options.dir, file)));
      const info = { file, width: png.width, height: png.height, colorType: png.colorType };
      if (png.width !== size || png.height !== size) {
        result.errors.push(`${kind} icon ${file} is ${png.width}x${png.height}; Teams needs ${size}x${size}`);
      }

      if (kind === 'outline') {
        if (!png.pixels || png.channels !== 4) {
          result.errors.push(`outline icon ${file} must be an 8-bit RGBA PNG (transparent background)`);
        } else {
          let notWhite = 0; let transparent = 0;
          for (let i = 0; i < png.pixels.length; i += 4) {
            const [r, g, b, a] = png.pixels.subarray(i, i + 4);
            if (a === 0) transparent++;
            else if (r !== 255 || g !== 255 || b !== 255) notWhite++;
          }

          info.transparentPixels = transparent;
          info.nonWhitePixels = notWhite;
          if (notWhite > 0) result.errors.push(`outline icon ${file} has ${notWhite} pixels that are neither white nor transparent`);
          if (transparent === 0) result.errors.push(`outline icon ${file} has no transparent background`);
        }
      }

      result.icons[kind] = info;
    } catch (error) {
      result.errors.push(`${kind} icon ${file}: ${error.message}`);
    }
  }

  log(`manifest v${version}: ${result.errors.length} problem(s)`);
  if (result.errors.length) {
    throw new CheckFailed(`the Teams app package is invalid: ${result.errors.join('; ')}`);
  }
}

const result = { script: 'teams-manifest.check.mjs' };
main(result).then(() => finish(result), (error) => finish(result, error));
