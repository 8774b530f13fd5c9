/**
 * Photo files and their rows, for the three kinds of owners (properties, vehicles, programmes).
 * `/uploads` serves a photo by its final name (`….webp`); a file is only under that name while its
 * photo row exists, so a crash at any step leaves nothing public that should not be:
 * - an upload writes `….webp.pending`, inserts the rows, then renames to `….webp`;
 * - a removal renames to `….webp.removed`, deletes the rows, then deletes the files.
 * The server never serves the `.pending` and `.removed` names. Whatever a crash leaves behind is
 * settled by `sweepPhotoFiles` at start-up: a hidden file whose row exists gets its name back, any
 * other leftover is deleted. Each step covers every width of a photo (`…-400w.webp`, `…-800w.webp`
 * beside the stored `….webp`): a width belongs to the row of its stored path.
 */
import fs from "node:fs";
import path from "node:path";
import { allPhotoFiles, photoBasePath } from "~/domain/media/photo-widths";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { log } from "~/utils/logger.server";
import { PHOTO_KINDS, type PhotoKind } from "./rules";

export const PENDING_SUFFIX = ".pending";
export const REMOVED_SUFFIX = ".removed";

function uploadsRoot() {
  return path.resolve(env().UPLOADS_DIR);
}

/** The absolute file of a stored relative path, or null if it would leave UPLOADS_DIR. */
export function photoFile(relative: string): string | null {
  const root = uploadsRoot();
  const full = path.resolve(root, relative);
  return full.startsWith(root + path.sep) ? full : null;
}

async function renameIfPresent(from: string, to: string) {
  try {
    await fs.promises.rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

/** Takes the photos off the public names before their rows are deleted. */
export async function hidePhotoFiles(paths: string[]) {
  for (const relative of paths.flatMap(allPhotoFiles)) {
    const full = photoFile(relative);
    if (full) await renameIfPresent(full, full + REMOVED_SUFFIX);
  }
}

/**
 * After a removal, successful or not: a hidden photo whose row still exists is shown again (the
 * delete did not happen), the others are deleted. Errors are logged, never thrown: the start-up
 * sweep finishes the job.
 */
export async function settleHiddenPhotoFiles(paths: string[]) {
  if (paths.length === 0) return;
  try {
    const kept = await existingPhotoPaths(paths);
    for (const relative of paths) {
      for (const file of allPhotoFiles(relative)) {
        const full = photoFile(file);
        if (!full) continue;
        if (kept.has(relative)) await renameIfPresent(full + REMOVED_SUFFIX, full);
        else await fs.promises.rm(full + REMOVED_SUFFIX, { force: true });
      }
    }
  } catch (error) {
    log.error("could not settle removed photo files", { error: String(error) });
  }
}

/**
 * Where each kind's files live (the first segment of every stored path) and how to read its rows.
 * Owner keys come from folder names: vehicle ids are integers, the others UUIDs.
 */
const FOLDERS: Record<PhotoKind, string> = { property: "properties", vehicle: "vehicles", programme: "programmes" };

function kindOfPath(relative: string): PhotoKind | null {
  const folder = relative.slice(0, relative.indexOf("/"));
  return PHOTO_KINDS.find((kind) => FOLDERS[kind] === folder) ?? null;
}

async function photoPathsIn(kind: PhotoKind, paths: string[]): Promise<string[]> {
  const where = { path: { in: paths } };
  const select = { path: true } as const;
  const rows =
    kind === "property"
      ? await db.propertyPhoto.findMany({ where, select })
      : kind === "vehicle"
        ? await db.vehiclePhoto.findMany({ where, select })
        : await db.programmePhoto.findMany({ where, select });
  return rows.map((row) => row.path);
}

/** The stored paths among `paths` that still have a photo row, whatever their kind. */
export async function existingPhotoPaths(paths: string[]): Promise<Set<string>> {
  const kept = new Set<string>();
  for (const kind of PHOTO_KINDS) {
    const ofKind = paths.filter((relative) => kindOfPath(relative) === kind);
    if (ofKind.length) for (const found of await photoPathsIn(kind, ofKind)) kept.add(found);
  }
  return kept;
}

/** How many listing folders the start-up sweep looks up in one query. */
const SWEEP_BATCH = 500;
const MAX_INT4 = 2_147_483_647;

/**
 * The photo paths of each owner among `ownerKeys` (folder names) that still exists; an owner
 * deleted since, or a folder name that is not a key, is absent from the map. Two queries whatever
 * the number of folders: on a large catalogue the sweep ran one per folder before the server
 * could listen.
 */
async function ownersPhotoPaths(kind: PhotoKind, ownerKeys: string[]): Promise<Map<string, Set<string>>> {
  const photos = { select: { path: true } } as const;
  const owners =
    kind === "vehicle"
      ? await db.vehicle.findMany({
          where: {
            id: {
              in: ownerKeys
                .filter((key) => /^[1-9]\d{0,9}$/.test(key) && Number(key) <= MAX_INT4)
                .map((key) => Number(key)),
            },
          },
          select: { id: true, photos },
        })
      : kind === "programme"
        ? await db.programme.findMany({ where: { id: { in: ownerKeys } }, select: { id: true, photos } })
        : await db.property.findMany({ where: { id: { in: ownerKeys } }, select: { id: true, photos } });
  return new Map(owners.map((owner) => [String(owner.id), new Set(owner.photos.map((photo) => photo.path))]));
}

export type SweepReport = { restored: number; published: number; deleted: number };

/**
 * Settles what interrupted uploads and removals left behind: work files in `.tmp`, `.pending` and
 * `.removed` photos, photo files without a row and the folders of deleted properties, vehicles and programmes. Only entries
 * untouched for `minAgeMs` (by their status-change time, which a rename updates) are considered,
 * so that an upload or removal in progress in another instance is never disturbed.
 */
export async function sweepPhotoFiles({
  minAgeMs = 10 * 60_000,
  now = Date.now(),
}: { minAgeMs?: number; now?: number } = {}): Promise<SweepReport> {
  const report: SweepReport = { restored: 0, published: 0, deleted: 0 };
  const root = uploadsRoot();
  const settled = (stat: fs.Stats) => now - stat.ctimeMs >= minAgeMs;

  for (const name of await listDir(path.join(root, ".tmp"))) {
    const full = path.join(root, ".tmp", name);
    const stat = await fs.promises.lstat(full).catch(() => null);
    if (!stat || !settled(stat)) continue;
    await fs.promises.rm(full, { recursive: true, force: true });
    report.deleted++;
  }

  for (const kind of PHOTO_KINDS) {
    const kindFolder = path.join(root, FOLDERS[kind]);
    const ownerKeys = await listDir(kindFolder);
    for (let start = 0; start < ownerKeys.length; start += SWEEP_BATCH) {
      const batch = ownerKeys.slice(start, start + SWEEP_BATCH);
      const photosOf = await ownersPhotoPaths(kind, batch);
      for (const ownerKey of batch) {
        const folder = path.join(kindFolder, ownerKey);
        const stat = await fs.promises.lstat(folder).catch(() => null);
        if (!stat?.isDirectory()) continue;
        const rows = photosOf.get(ownerKey) ?? null;
        for (const name of await listDir(folder)) {
          const full = path.join(folder, name);
          const fileStat = await fs.promises.lstat(full).catch(() => null);
          if (!fileStat || !settled(fileStat)) continue;
          const hidden = name.endsWith(PENDING_SUFFIX) || name.endsWith(REMOVED_SUFFIX);
          const publicName = hidden ? name.slice(0, name.lastIndexOf(".")) : name;
          const relative = `${FOLDERS[kind]}/${ownerKey}/${photoBasePath(publicName)}`;
          if (fileStat.isFile() && rows?.has(relative)) {
            if (!hidden) continue;
            await fs.promises.rename(full, path.join(folder, publicName));
            if (name.endsWith(PENDING_SUFFIX)) report.published++;
            else report.restored++;
            continue;
          }
          await fs.promises.rm(full, { recursive: true, force: true });
          report.deleted++;
        }
        if (!rows && settled(stat)) await fs.promises.rmdir(folder).catch(() => undefined);
      }
    }
  }
  if (report.restored + report.published + report.deleted > 0) log.info("photo files swept", report);
  return report;
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await fs.promises.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}
