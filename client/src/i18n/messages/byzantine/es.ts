import type { Translation } from '../../catalogueTypes';
import type en from './en';

export default {} as const satisfies Translation<typeof en>;
