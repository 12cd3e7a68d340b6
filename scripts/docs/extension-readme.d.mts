export declare const START: string;
export declare const END: string;
export declare function extensionReadme(readme: string): string;
