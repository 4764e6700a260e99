import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';

/** The global ID of a row, as the API writes it (`Type:id`, base64). */
export const gid = (type: string, id: string) => encodeGlobalID(type, id);
/** The row ID inside a global ID. */
export const rawId = (globalId: string) => decodeGlobalID(globalId).id;
