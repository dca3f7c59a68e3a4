import QRCode from "qrcode";

const options = { errorCorrectionLevel: "M" as const, margin: 2, width: 240 };

/** The look-up URL as a PNG data URL, made on the server (nothing leaves for a third-party QR service). */
export function qrDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, options);
}

export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...options, type: "png" });
}
