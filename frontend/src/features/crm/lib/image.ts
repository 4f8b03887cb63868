/**
 * Visit photos are downscaled in the browser before upload (field users are on
 * mobile data): the longer side at most 1600 px, re-encoded as JPEG.
 */
export const MAX_PHOTO_SIDE = 1600;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Target size keeping the aspect ratio; never enlarges. */
export function fitWithin(
  width: number,
  height: number,
  max: number = MAX_PHOTO_SIDE,
): { width: number; height: number } {
  if (!(width > 0) || !(height > 0)) return { width: 0, height: 0 };
  const scale = Math.min(1, max / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/** `foto.HEIC` → `foto.jpg` (the uploaded bytes are JPEG). */
export function jpegName(name: string): string {
  const base = name.replace(/\.[^./\\]+$/, "").trim() || "photo";
  return `${base}.jpg`;
}

/** Decodes an image file, draws it at most `max` px on a canvas and encodes it as JPEG. */
export async function downscaleImage(
  file: Blob,
  max: number = MAX_PHOTO_SIDE,
  quality = 0.82,
): Promise<Blob> {
  const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  try {
    const size = fitWithin(bitmap.width, bitmap.height, max);
    const canvas = document.createElement("canvas");
    canvas.width = size.width;
    canvas.height = size.height;
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("canvas 2d context unavailable");
    ctx.drawImage(bitmap, 0, 0, size.width, size.height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error("JPEG encoding failed"))),
        "image/jpeg",
        quality,
      );
    });
  } finally {
    bitmap.close();
  }
}
