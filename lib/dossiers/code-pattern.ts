/** A dossier code in a text: local codes "H27.37-240219-1001", electronic-id codes "000.00.04.H60-230215-0028". */
export const DOSSIER_CODE =
  /(?<![\w.])(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}|[A-Z]\d{2}(?:\.\d{2}){1,3})-\d{6}-\d{4}(?![\w.])/;
